#include "severity/events_reader.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <sstream>

#include <fmt/format.h>

#include "core/csv.h"
#include "core/utf8.h"

namespace ftf::severity {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string Latin1ToUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (unsigned char c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

bool LooksLikeNumber(std::string_view line) {
  line = Trim(line);
  if (line.empty()) return false;
  const char c = line.front();
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
}

Result<int> ParseInt(std::string_view text, std::string_view field, const std::string& where, int lo, int hi) {
  text = Trim(text);
  int v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || v < lo || v > hi) {
    return Status::InvalidArgument(
        fmt::format("{}: {}: expected a whole number from {} to {}: '{}'", where, field, lo, hi, text));
  }
  return v;
}

// A count cell: empty (or GTD's -99) -> NaN (unknown).
Result<double> ParseOptionalCount(std::string_view text, std::string_view field, const std::string& where,
                                  bool gtd) {
  const std::string_view t = Trim(text);
  if (t.empty()) return kNaN;
  if (gtd && (t == "-99" || t == "-9")) return kNaN;
  return ParseCount(t, field, where);
}

Status ParseDate(std::string_view text, const std::string& where, Event& e) {
  const std::string_view t = Trim(text);
  if (t.empty()) return Status::OK();
  auto bad = [&] {
    return Status::InvalidArgument(fmt::format("{}: date: not a date (YYYY-MM-DD, YYYY-MM or YYYY): '{}'", where, t));
  };
  if (t.size() != 4 && t.size() != 7 && t.size() != 10) return bad();
  auto y = ParseInt(t.substr(0, 4), "date", where, 1000, 9999);
  if (!y.ok()) return bad();
  e.year = *y;
  if (t.size() >= 7) {
    if (t[4] != '-') return bad();
    auto m = ParseInt(t.substr(5, 2), "date", where, 1, 12);
    if (!m.ok()) return bad();
    e.month = *m;
  }
  if (t.size() == 10) {
    if (t[7] != '-') return bad();
    auto d = ParseInt(t.substr(8, 2), "date", where, 1, 31);
    if (!d.ok()) return bad();
    e.day = *d;
  }
  return Status::OK();
}

Result<EventFile> ParsePlain(std::string_view text, const std::string& name) {
  EventFile f;
  f.name = name;
  f.layout = EventLayout::kPlain;
  size_t line = 0, pos = 0;
  size_t blank_line = 0;  // first blank line seen, reported if data follows
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line;
    if (!raw.empty() && raw.front() == '#') continue;
    if (raw.empty()) {
      if (blank_line == 0) blank_line = line;
      continue;
    }
    if (blank_line != 0) {
      return Status::InvalidArgument(fmt::format("{}:{}: value: empty line", name, blank_line));
    }
    // A one-column CSV: its header `deaths` names the column and is not a value.
    if (f.events.empty() && (raw == "deaths" || raw == "Deaths")) continue;
    Event e;
    e.line = line;
    FTF_ASSIGN_OR_RETURN(e.deaths, ParseCount(raw, "value", fmt::format("{}:{}", name, line)));
    e.wounded = kNaN;
    f.events.push_back(std::move(e));
  }
  return f;
}

}  // namespace

const char* EventLayoutName(EventLayout layout) {
  switch (layout) {
    case EventLayout::kSimple: return "simple";
    case EventLayout::kGtd: return "gtd";
    case EventLayout::kPlain: return "plain";
  }
  return "?";
}

Result<double> ParseCount(std::string_view text, std::string_view field, const std::string& where) {
  const std::string_view t = Trim(text);
  if (t.empty()) return Status::InvalidArgument(fmt::format("{}: {}: empty value", where, field));
  double v = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec == std::errc::result_out_of_range) {
    return Status::InvalidArgument(fmt::format("{}: {}: number out of range: '{}'", where, field, t));
  }
  if (ec != std::errc() || ptr != t.data() + t.size()) {
    return Status::InvalidArgument(fmt::format("{}: {}: not a number: '{}'", where, field, t));
  }
  if (!std::isfinite(v)) {
    return Status::InvalidArgument(fmt::format("{}: {}: not a finite number: '{}'", where, field, t));
  }
  if (v < 0) return Status::InvalidArgument(fmt::format("{}: {}: negative: '{}'", where, field, t));
  return v;
}

Result<EventFile> ParseEvents(std::string_view input, const std::string& name) {
  std::string converted;
  if (FindInvalidUtf8(input)) {
    converted = Latin1ToUtf8(input);
    input = converted;
  }
  if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
  if (Trim(input).empty()) return Status::InvalidArgument(fmt::format("{}: no data (the file is empty)", name));
  const std::string_view first_line = input.substr(0, input.find('\n'));
  if (LooksLikeNumber(first_line) || first_line.find(',') == std::string_view::npos) {
    return ParsePlain(input, name);
  }

  FTF_ASSIGN_OR_RETURN(CsvTable table, CsvTable::Parse(input, name));
  EventFile f;
  f.name = name;
  const bool gtd = table.Column("iyear") && table.Column("nkill");
  if (gtd) {
    f.layout = EventLayout::kGtd;
  } else if (table.Column("deaths")) {
    f.layout = EventLayout::kSimple;
  } else {
    return Status::InvalidArgument(fmt::format(
        "{}:1: header: expected the columns date,country,deaths,wounded,attack_type,group,source, "
        "the GTD's iyear,imonth,iday,country_txt,nkill,nwound,attacktype1_txt,gname, or one number per line",
        name));
  }
  for (const CsvRecord& rec : table.records()) {
    bool blank = true;
    for (const auto& cell : rec.fields) blank = blank && Trim(cell).empty();
    if (blank) continue;
    const std::string where = fmt::format("{}:{}", name, rec.line);
    Event e;
    e.line = rec.line;
    if (gtd) {
      FTF_ASSIGN_OR_RETURN(e.year, ParseInt(table.Get(rec, "iyear"), "iyear", where, 1000, 9999));
      if (!Trim(table.Get(rec, "imonth")).empty()) {
        FTF_ASSIGN_OR_RETURN(e.month, ParseInt(table.Get(rec, "imonth"), "imonth", where, 0, 12));
      }
      if (!Trim(table.Get(rec, "iday")).empty()) {
        FTF_ASSIGN_OR_RETURN(e.day, ParseInt(table.Get(rec, "iday"), "iday", where, 0, 31));
      }
      e.country = std::string(Trim(table.Get(rec, "country_txt")));
      e.attack_type = std::string(Trim(table.Get(rec, "attacktype1_txt")));
      e.group = std::string(Trim(table.Get(rec, "gname")));
      e.source = std::string(Trim(table.Get(rec, "eventid")));
      FTF_ASSIGN_OR_RETURN(e.deaths, ParseOptionalCount(table.Get(rec, "nkill"), "nkill", where, true));
      FTF_ASSIGN_OR_RETURN(e.wounded, ParseOptionalCount(table.Get(rec, "nwound"), "nwound", where, true));
    } else {
      FTF_RETURN_IF_ERROR(ParseDate(table.Get(rec, "date"), where, e));
      e.country = std::string(Trim(table.Get(rec, "country")));
      e.attack_type = std::string(Trim(table.Get(rec, "attack_type")));
      e.group = std::string(Trim(table.Get(rec, "group")));
      e.source = std::string(Trim(table.Get(rec, "source")));
      FTF_ASSIGN_OR_RETURN(e.deaths, ParseOptionalCount(table.Get(rec, "deaths"), "deaths", where, false));
      FTF_ASSIGN_OR_RETURN(e.wounded, ParseOptionalCount(table.Get(rec, "wounded"), "wounded", where, false));
      if (!table.Column("wounded")) e.wounded = kNaN;
    }
    f.events.push_back(std::move(e));
  }
  if (f.events.empty()) return Status::InvalidArgument(fmt::format("{}: no events (only a header)", name));
  return f;
}

Result<EventFile> ReadEvents(const std::string& path) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IOError(fmt::format("{}: cannot open for reading", path));
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  return ParseEvents(text, path == "-" ? std::string("<stdin>") : path);
}

Result<ColumnValues> ExtractColumn(const EventFile& file, const std::string& column) {
  if (column != "deaths" && column != "wounded" && column != "casualties") {
    return Status::InvalidArgument(
        fmt::format("--column: expected deaths, wounded or casualties, got '{}'", column));
  }
  if (file.layout == EventLayout::kPlain && column != "deaths") {
    return Status::InvalidArgument(
        fmt::format("{}: a file of plain numbers has one column; --column {} does not apply", file.name, column));
  }
  ColumnValues out;
  for (const Event& e : file.events) {
    double v = column == "deaths" ? e.deaths : column == "wounded" ? e.wounded : e.deaths + e.wounded;
    if (std::isnan(v)) {
      ++out.unknown;
      continue;
    }
    if (v == 0) ++out.zeros;
    out.values.push_back(v);
    out.lines.push_back(e.line);
  }
  if (out.values.empty()) {
    return Status::InvalidArgument(fmt::format("{}: {}: no known values ({} unknown)", file.name, column, out.unknown));
  }
  if (out.zeros == out.values.size()) {
    return Status::InvalidArgument(fmt::format(
        "{}: {}: all {} known values are 0; a power law needs positive values", file.name, column, out.zeros));
  }
  return out;
}

Result<bool> ResolveDiscrete(const EventFile& file, const std::string& column, const ColumnValues& values,
                             std::optional<bool> discrete) {
  for (size_t i = 0; i < values.values.size(); ++i) {
    const double v = values.values[i];
    if (v != std::floor(v)) {
      if (discrete.value_or(false)) {
        return Status::InvalidArgument(fmt::format(
            "{}:{}: {}: not a whole number: {} (a discrete fit needs counts; use --continuous)", file.name,
            values.lines[i], column, v));
      }
      return false;
    }
  }
  return discrete.value_or(true);
}

}  // namespace ftf::severity
