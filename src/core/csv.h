// CsvReader: RFC 4180 CSV with a header row, reporting the line each record starts on.
//
// Quoted fields may hold commas, quotes ("") and newlines. Line ends may be \n or \r\n.
// Errors name the file and line: "claims.csv:7: unterminated quoted field".
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

// Splits a `|`-separated list cell ("US|U.S.|America"); empty cell -> empty list.
std::vector<std::string> SplitList(std::string_view cell, char sep = '|');

}  // namespace ftf
