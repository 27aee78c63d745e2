// Table: rows of text cells rendered for a terminal, as CSV, or as Markdown.
//
// Terminal tables align numbers right and text left and fit a width (default 100 columns) by
// narrowing the widest text column, whose cells then wrap onto more lines between words; a
// word is cut (ending in "…") only when a column must be narrower than that word. CSV follows RFC 4180
// (quotes only where needed, "\n" line ends), each cell spreadsheet-safe (CsvField in
// core/csv.h). Formatting numbers (thousands separators in
// tables, none in CSV/JSON) is the caller's job: see core/number_format.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/number_format.h"

namespace ftf {

enum class Align { kLeft, kRight };

class Table {
 public:
  // `headers` gives the column names; `align` (optional) one entry per column.
  explicit Table(std::vector<std::string> headers, std::vector<Align> align = {});

  void AddRow(std::vector<std::string> cells);  // pads or trims to the column count
  size_t rows() const { return rows_.size(); }

  // `max_width`: SIZE_MAX (or any large number) never narrows a column ("--wide").
  std::string RenderText(size_t max_width = 100) const;
  std::string RenderCsv() const;
  std::string RenderMarkdown() const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;
};

// `text` laid out in lines of at most `width` columns, breaking between words; each paragraph
// ("\n"-separated) starts a new line. For notes under a table.
std::string WrapText(const std::string& text, size_t width);


// Display width of a UTF-8 string in terminal columns (one per code point; combining marks 0).
size_t DisplayWidth(std::string_view s);

// Output formats shared by commands: table (terminal), csv, json, md.
enum class OutputFormat { kTable, kCsv, kJson, kMarkdown };
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

}  // namespace ftf
