// CSV as ftfwatch reads and writes it: RFC 4180 with a header row, made safe for spreadsheets.
//
// Reading (CsvTable): quoted fields may hold commas, quotes ("") and newlines; line ends may be
// \n or \r\n; each record knows the line it starts on, and errors name the file and line:
// "claims.csv:7: unterminated quoted field".
//
// Spreadsheet safety (docs/formats.md): a spreadsheet runs a cell that starts with =, +, -, @,
// a tab or a carriage return as a formula ("CSV injection"). Every CSV ftfwatch writes goes
// through CsvField, which puts an apostrophe before such a cell ("=1+1" -> "'=1+1"); the
// spreadsheet then shows the text as it is. Numbers are left alone ("-3", "+0.5", "-1e-05" are
// values, not formulas). The reader undoes it: a cell of apostrophes followed by a trigger
// character loses one apostrophe, so the writer also adds one to a cell that already looks
// like that ("'=x" -> "''=x"), and every cell reads back exactly as it was written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ftfwatch/status.h"

namespace ftf {

struct CsvRecord {
  size_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

class CsvTable {
 public:
  // Parses all of `text`. `name` is used in error messages (a file name).
  static Result<CsvTable> Parse(std::string_view text, std::string name);

  const std::string& name() const { return name_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<CsvRecord>& records() const { return records_; }
  // Column index of `column` in the header, or nullopt.
  std::optional<size_t> Column(std::string_view column) const;
  // The cell of `rec` in `column`, or "" when the column is absent.
  std::string_view Get(const CsvRecord& rec, std::string_view column) const;

 private:
  std::string name_;
  std::vector<std::string> header_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<CsvRecord> records_;
};

// One CSV field for writing: neutralised for spreadsheets (above), then quoted when it holds a
// comma, quote, CR or LF.
std::string CsvField(std::string_view s);

// The spreadsheet neutralisation alone, and its inverse (CsvTable::Parse applies it to every
// field). RestoreCsvCell(NeutraliseCsvCell(s)) == s for every s.
std::string NeutraliseCsvCell(std::string_view s);
std::string RestoreCsvCell(std::string_view s);

// Splits a `|`-separated list cell ("US|U.S.|America"); empty cell -> empty list.
std::vector<std::string> SplitList(std::string_view cell, char sep = '|');

}  // namespace ftf
