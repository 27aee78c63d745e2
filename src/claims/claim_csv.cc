#include "claims/claim_csv.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "core/csv.h"
#include "core/utf8.h"

namespace ftf {

const std::vector<std::string>& ClaimCsvColumns() {
  static const std::vector<std::string> cols = {
      "scope",  "category",      "subgroup", "unit",     "low",        "best",     "high",
      "qualifier", "as_of",      "source",   "attributed_to", "origin", "document", "span_start",
      "span_end", "cue",         "sentence", "page",     "note",       "role"};
  return cols;
}

std::optional<double> ParsePlainNumber(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool dot = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' && !dot && i > 0 && i + 1 < s.size()) {
      dot = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
  }
  double v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

bool IsIsoDate(std::string_view s) {
  auto digits = [&](size_t from, size_t n) {
    if (s.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (!digits(0, 4)) return false;
  if (s.size() == 4) return true;
  if (s.size() < 7 || s[4] != '-' || !digits(5, 2)) return false;
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s.size() != 10 || s[7] != '-' || !digits(8, 2)) return false;
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  int year = std::stoi(std::string(s.substr(0, 4)));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[month - 1] + (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0));
  return day >= 1 && day <= max;
}

ClaimCsvParse ParseClaimsCsv(std::string_view text, const std::string& name, const Gazetteer& geo,
                             size_t max_errors) {
  ClaimCsvParse out;
  auto error = [&](size_t line, std::string_view field, const std::string& msg) {
    ++out.error_count;
    if (out.errors.size() < max_errors) out.errors.push_back(fmt::format("{}:{}: {}: {}", name, line, field, msg));
  };
  if (auto bad = FindInvalidUtf8(text)) {
    size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(*bad), '\n'));
    error(line, "text", fmt::format("invalid UTF-8 at byte offset {}", *bad));
    return out;
  }
  auto parsed = CsvTable::Parse(text, name);
  if (!parsed.ok()) {
    ++out.error_count;
    out.errors.push_back(parsed.status().message());
    return out;
  }
  const CsvTable& t = parsed.value();
  for (const char* required : {"scope", "category", "qualifier", "source"})
    if (!t.Column(required)) error(1, required, "required column is missing from the header");
  for (const auto& h : t.header())
    if (std::find(ClaimCsvColumns().begin(), ClaimCsvColumns().end(), h) == ClaimCsvColumns().end())
      error(1, h, "unknown column");
  if (!out.errors.empty()) return out;

  for (const CsvRecord& rec : t.records()) {
    const size_t before = out.error_count;
    if (rec.fields.size() != t.header().size()) {
      error(rec.line, "row", fmt::format("{} fields, expected {}", rec.fields.size(), t.header().size()));
      continue;
    }
    Claim c;
    auto get = [&](const char* col) { return std::string(t.Get(rec, col)); };
    if (auto s = geo.ResolveScope(get("scope")); s.ok()) c.scope = s.value();
    else error(rec.line, "scope", s.status().message());
    if (auto v = ParseCategory(get("category"))) c.category = *v;
    else error(rec.line, "category", fmt::format("unknown category '{}'", get("category")));
    if (auto v = ParseSubgroup(get("subgroup"))) c.subgroup = *v;
    else error(rec.line, "subgroup", fmt::format("unknown subgroup '{}'", get("subgroup")));
    if (auto v = ParseUnit(get("unit"))) c.unit = *v;
    else error(rec.line, "unit", fmt::format("unknown unit '{}'", get("unit")));
    if (auto v = ParseQualifier(get("qualifier"))) c.qualifier = *v;
    else error(rec.line, "qualifier", fmt::format("unknown qualifier '{}'", get("qualifier")));
    for (auto [col, dst] : {std::pair{"low", &c.low}, std::pair{"best", &c.best}, std::pair{"high", &c.high}}) {
      std::string cell = get(col);
      if (cell.empty()) continue;
      if (auto v = ParsePlainNumber(cell)) *dst = *v;
      else if (!cell.empty() && cell[0] == '-') error(rec.line, col, fmt::format("negative number '{}'", cell));
      else error(rec.line, col, fmt::format("not a number: '{}'", cell));
    }
    c.as_of = get("as_of");
    if (!c.as_of.empty() && !IsIsoDate(c.as_of))
      error(rec.line, "as_of", fmt::format("not a date (YYYY, YYYY-MM or YYYY-MM-DD): '{}'", c.as_of));
    c.source_id = get("source");
    if (c.source_id.empty()) error(rec.line, "source", "empty");
    if (std::string a = get("attributed_to"); !a.empty()) c.attributed_to = a;
    c.origin = get("origin");
    if (c.origin.empty()) c.origin = "manual";
    c.document_sha256 = get("document");
    std::string ss = get("span_start"), se = get("span_end");
    if (!ss.empty() || !se.empty()) {
      auto a = ParsePlainNumber(ss), b = ParsePlainNumber(se);
      // Byte offsets: whole numbers small enough to convert to int64 exactly (a larger double
      // would overflow the conversion).
      auto offset = [](const std::optional<double>& v) { return v && *v == std::floor(*v) && *v < 9e15; };
      if (!offset(a) || !offset(b) || *b < *a) error(rec.line, "span_start", fmt::format("bad span '{}'-'{}'", ss, se));
      else c.span = Span{static_cast<int64_t>(*a), static_cast<int64_t>(*b)};
    }
    c.cue = get("cue");
    c.sentence = get("sentence");
    c.page = get("page");
    c.note = get("note");
    if (auto v = ParseClaimRole(get("role"))) c.role = *v;
    else error(rec.line, "role", fmt::format("unknown role '{}' (headline, table_row, table_total, derived)", get("role")));
    if (out.error_count == before) {
      Status st = ValidateClaimShape(c);
      if (!st.ok()) {
        ++out.error_count;  // the message already starts with its field
        if (out.errors.size() < max_errors) out.errors.push_back(fmt::format("{}:{}: {}", name, rec.line, st.message()));
      }
    }
    if (out.error_count == before) out.claims.push_back(std::move(c));
  }
  return out;
}

std::string WriteClaimsCsv(const std::vector<Claim>& claims) {
  std::string out;
  const auto& cols = ClaimCsvColumns();
  for (size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + cols[i];
  out += '\n';
  // Numbers in the plain form ParsePlainNumber reads: the shortest digits that read back as
  // the same double, never an exponent (1e16 is written 10000000000000000, 1e-07 as
  // 0.0000001), so every exported claim imports again.
  auto num = [](const std::optional<double>& v) {
    if (!v) return std::string();
    char buf[400];  // the longest fixed form of a double (a subnormal) has about 330 characters
    auto r = std::to_chars(buf, buf + sizeof buf, *v, std::chars_format::fixed);
    return std::string(buf, r.ptr);
  };
  for (const Claim& c : claims) {
    std::vector<std::string> f = {c.scope,
                                  std::string(Name(c.category)),
                                  std::string(Name(c.subgroup)),
                                  std::string(Name(c.unit)),
                                  num(c.low),
                                  num(c.best),
                                  num(c.high),
                                  std::string(Name(c.qualifier)),
                                  c.as_of,
                                  c.source_id,
                                  c.attributed_to.value_or(""),
                                  c.origin,
                                  c.document_sha256,
                                  c.span ? std::to_string(c.span->start) : "",
                                  c.span ? std::to_string(c.span->end) : "",
                                  c.cue,
                                  c.sentence,
                                  c.page,
                                  c.note,
                                  std::string(Name(c.role))};
    for (size_t i = 0; i < f.size(); ++i) out += (i ? "," : "") + CsvField(f[i]);
    out += '\n';
  }
  return out;
}

}  // namespace ftf
