#include "core/csv.h"

#include <fmt/format.h>

namespace ftf {
namespace {

// A first character that makes a spreadsheet evaluate the cell.
bool IsFormulaTrigger(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// A plain decimal number with an optional sign and exponent ("-3", "+0.5", "1e-05"): a
// spreadsheet reads it as a value, so it needs no neutralising.
bool IsSignedNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp;
    if (exp == 0) return false;
  }
  return i == s.size();
}

// True when `s` is a run of apostrophes (possibly none) followed by a trigger character.
bool ApostrophesThenTrigger(std::string_view s) {
  size_t i = s.find_first_not_of('\'');
  return i != std::string_view::npos && IsFormulaTrigger(s[i]);
}

}  // namespace

std::string NeutraliseCsvCell(std::string_view s) {
  if (!ApostrophesThenTrigger(s) || IsSignedNumber(s)) return std::string(s);
  return "'" + std::string(s);
}

std::string RestoreCsvCell(std::string_view s) {
  if (!s.empty() && s[0] == '\'' && ApostrophesThenTrigger(s)) return std::string(s.substr(1));
  return std::string(s);
}

std::string CsvField(std::string_view raw) {
  const std::string s = NeutraliseCsvCell(raw);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

Result<CsvTable> CsvTable::Parse(std::string_view text, std::string name) {
  CsvTable t;
  t.name_ = std::move(name);
  size_t i = 0, line = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // byte-order mark
  std::vector<CsvRecord> all;
  while (i < text.size()) {
    CsvRecord rec;
    rec.line = line;
    std::string field;
    bool done = false;
    while (!done) {
      if (i < text.size() && text[i] == '"') {
        size_t quote_line = line;
        ++i;
        for (;;) {
          if (i >= text.size())
            return Status::InvalidArgument(
                fmt::format("{}:{}: unterminated quoted field", t.name_, quote_line));
          char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field += '"';
              ++i;
            } else {
              break;
            }
          } else {
            if (c == '\n') ++line;
            field += c;
          }
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          return Status::InvalidArgument(
              fmt::format("{}:{}: text after a closing quote in field {}", t.name_, line, rec.fields.size() + 1));
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"')
            return Status::InvalidArgument(fmt::format("{}:{}: stray quote inside unquoted field {}", t.name_,
                                                       line, rec.fields.size() + 1));
          field += text[i++];
        }
      }
      // Undo the writer's spreadsheet neutralisation (CsvField); any other field is unchanged.
      if (!field.empty() && field[0] == '\'') field = RestoreCsvCell(field);
      rec.fields.push_back(std::move(field));
      field.clear();
      if (i >= text.size()) {
        done = true;
      } else if (text[i] == ',') {
        ++i;
      } else {
        if (text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        ++line;
        done = true;
      }
    }
    // Skip blank lines entirely.
    if (rec.fields.size() == 1 && rec.fields[0].empty()) continue;
    all.push_back(std::move(rec));
  }
  if (all.empty()) return Status::InvalidArgument(fmt::format("{}: empty file (no header row)", t.name_));
  t.header_ = std::move(all.front().fields);
  for (size_t c = 0; c < t.header_.size(); ++c) t.index_.emplace(t.header_[c], c);
  t.records_.assign(std::make_move_iterator(all.begin() + 1), std::make_move_iterator(all.end()));
  return t;
}

std::optional<size_t> CsvTable::Column(std::string_view column) const {
  auto it = index_.find(std::string(column));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::string_view CsvTable::Get(const CsvRecord& rec, std::string_view column) const {
  auto c = Column(column);
  if (!c || *c >= rec.fields.size()) return {};
  return rec.fields[*c];
}

std::vector<std::string> SplitList(std::string_view cell, char sep) {
  std::vector<std::string> out;
  if (cell.empty()) return out;
  size_t start = 0;
  for (;;) {
    size_t p = cell.find(sep, start);
    out.emplace_back(cell.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

}  // namespace ftf
