#include "report/table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "core/csv.h"

namespace ftf {

Table::Table(std::vector<std::string> headers, std::vector<Align> align)
    : headers_(std::move(headers)), align_(std::move(align)) {
  align_.resize(headers_.size(), Align::kLeft);
}

void Table::AddRow(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    // U+0300..U+036F combining marks take no column (UTF-8 lead 0xCC 0x80.. / 0xCD ..0xAF).
    if (c == 0xCC && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80) continue;
    if (c == 0xCD && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0xAF) continue;
    ++w;
  }
  return w;
}

namespace {

// Cuts `s` to at most `width` columns, ending with "…" when cut. Never splits a code point.
std::string Truncate(const std::string& s, size_t width) {
  if (DisplayWidth(s) <= width) return s;
  if (width == 0) return "";
  std::string out;
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (w + 1 > width - 1) break;
    out.append(s, i, len);
    i += len;
    ++w;
  }
  return out + "…";
}

std::string Pad(const std::string& s, size_t width, Align a) {
  size_t w = DisplayWidth(s);
  std::string pad(width > w ? width - w : 0, ' ');
  return a == Align::kRight ? pad + s : s + pad;
}

}  // namespace

std::string Table::RenderText(size_t max_width) const {
  const size_t n = headers_.size();
  std::vector<size_t> width(n, 0);
  for (size_t c = 0; c < n; ++c) {
    width[c] = DisplayWidth(headers_[c]);
    for (const auto& r : rows_) width[c] = std::max(width[c], DisplayWidth(r[c]));
  }
  // Shrink the widest left-aligned (text) column until the table fits; numbers are never cut.
  auto total = [&] {
    size_t t = n > 0 ? (n - 1) * 2 : 0;
    for (size_t w : width) t += w;
    return t;
  };
  while (total() > max_width) {
    size_t best = n;
    for (size_t c = 0; c < n; ++c)
      if (align_[c] == Align::kLeft && width[c] > 8 && (best == n || width[c] > width[best])) best = c;
    if (best == n) break;
    --width[best];
  }
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string l;
    for (size_t c = 0; c < n; ++c) {
      if (c) l += "  ";
      l += Pad(Truncate(cells[c], width[c]), width[c], align_[c]);
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line(headers_);
  std::vector<std::string> rule(n);
  for (size_t c = 0; c < n; ++c) {
    for (size_t i = 0; i < width[c]; ++i) rule[c] += "─";
  }
  line(rule);
  for (const auto& r : rows_) line(r);
  return out;
}

std::string Table::RenderCsv() const {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c) out += ',';
      out += CsvField(cells[c]);
    }
    out += '\n';
  };
  line(headers_);
  for (const auto& r : rows_) line(r);
  return out;
}

std::string Table::RenderMarkdown() const {
  auto esc = [](const std::string& s) {
    std::string o;
    for (char ch : s) {
      if (ch == '|') o += '\\';
      o += ch;
    }
    return o;
  };
  std::string out = "|";
  for (const auto& h : headers_) out += " " + esc(h) + " |";
  out += "\n|";
  for (size_t c = 0; c < headers_.size(); ++c) out += align_[c] == Align::kRight ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& r : rows_) {
    out += "|";
    for (const auto& cell : r) out += " " + esc(cell) + " |";
    out += "\n";
  }
  return out;
}

std::string FormatNumber(double v) {
  if (std::isnan(v)) return "";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);  // shortest round-trip form
}

std::string FormatCount(double v, int decimals) {
  if (std::isnan(v)) return "";
  if (std::isinf(v)) return v > 0 ? "∞" : "-∞";
  if (v != std::floor(v) || std::fabs(v) >= 1e15) {
    std::string s = fmt::format("{:.{}f}", v, decimals);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
  }
  long long n = static_cast<long long>(v);
  bool neg = n < 0;
  std::string digits = std::to_string(neg ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return neg ? "-" + out : out;
}

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "table" || name == "text") return OutputFormat::kTable;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "json") return OutputFormat::kJson;
  if (name == "md" || name == "markdown") return OutputFormat::kMarkdown;
  return std::nullopt;
}

}  // namespace ftf
