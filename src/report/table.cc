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

namespace {

// The words of `s` laid out in lines of at most `width` columns.
std::vector<std::string> WrapWords(const std::string& s, size_t width) {
  std::vector<std::string> lines;
  if (DisplayWidth(s) <= width || width == 0) return {s};
  std::string line;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t space = s.find(' ', pos);
    std::string word = s.substr(pos, space == std::string::npos ? std::string::npos : space - pos);
    pos = space == std::string::npos ? s.size() + 1 : space + 1;
    if (word.empty()) continue;
    if (!line.empty() && DisplayWidth(line) + 1 + DisplayWidth(word) <= width) {
      line += " " + word;
      continue;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    line = DisplayWidth(word) <= width ? word : Truncate(word, width);  // one word wider than the column
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

// A number cell on lines of at most `width` columns: whole when it fits, else a range split
// after its dash ("2,000–" over "2,500"), so no figure is cut; cut only when a part is wider.
constexpr std::string_view kRangeDash = "–";
std::vector<std::string> WrapNumber(const std::string& s, size_t width) {
  if (DisplayWidth(s) <= width) return {s};
  size_t dash = s.find(kRangeDash);
  if (dash != std::string::npos) {
    std::string left = s.substr(0, dash + kRangeDash.size()), right = s.substr(dash + kRangeDash.size());
    if (DisplayWidth(left) <= width && DisplayWidth(right) <= width) return {left, right};
  }
  return {Truncate(s, width)};
}

// The narrowest a number cell can go: the wider half of a range, else the whole cell.
size_t NumberFloor(const std::string& s) {
  size_t dash = s.find(kRangeDash);
  if (dash == std::string::npos) return DisplayWidth(s);
  return std::max(DisplayWidth(std::string_view(s).substr(0, dash + kRangeDash.size())),
                  DisplayWidth(std::string_view(s).substr(dash + kRangeDash.size())));
}

size_t LongestWord(const std::string& s) {
  size_t longest = 0;
  for (size_t pos = 0; pos <= s.size();) {
    size_t space = std::min(s.find(' ', pos), s.size());
    longest = std::max(longest, DisplayWidth(std::string_view(s).substr(pos, space - pos)));
    pos = space + 1;
  }
  return longest;
}

}  // namespace

std::string Table::RenderText(size_t max_width) const {
  const size_t n = headers_.size();
  // width: what the column needs on one line; floor: the narrowest it can go without cutting
  // a word (text columns wrap between words; number columns keep every cell whole and may
  // only wrap their header).
  // split_floor: the same, once number columns may also break a range after its dash.
  std::vector<size_t> width(n, 0), floor(n, 0), split_floor(n, 0);
  for (size_t c = 0; c < n; ++c) {
    width[c] = DisplayWidth(headers_[c]);
    floor[c] = split_floor[c] = LongestWord(headers_[c]);
    for (const auto& r : rows_) {
      width[c] = std::max(width[c], DisplayWidth(r[c]));
      floor[c] = std::max(floor[c], align_[c] == Align::kLeft ? LongestWord(r[c]) : DisplayWidth(r[c]));
      split_floor[c] = std::max(split_floor[c], align_[c] == Align::kLeft ? LongestWord(r[c]) : NumberFloor(r[c]));
    }
    floor[c] = std::min(floor[c], width[c]);
    split_floor[c] = std::min(split_floor[c], floor[c]);
  }
  size_t gap = 2;
  auto total = [&] {
    size_t t = n > 0 ? (n - 1) * gap : 0;
    for (size_t w : width) t += w;
    return t;
  };
  // Narrow the widest column that can still give, until the table fits: first down to the
  // floors, then with one space between columns, then with ranges in number columns broken
  // after their dash, and only then (a single word wider than the room left) text columns go
  // below their longest word, down to 8, and such a word is cut.
  auto shrink = [&](bool hard) {
    while (total() > max_width) {
      size_t best = n;
      for (size_t c = 0; c < n; ++c) {
        size_t min = hard ? (align_[c] == Align::kLeft ? std::min<size_t>(8, width[c]) : width[c]) : floor[c];
        if (width[c] > min && (best == n || width[c] > width[best])) best = c;
      }
      if (best == n) return;
      --width[best];
    }
  };
  shrink(false);
  if (total() > max_width) {
    gap = 1;
    shrink(false);
  }
  if (total() > max_width) {
    floor = split_floor;
    shrink(false);
  }
  shrink(true);
  const std::string sep(gap, ' ');
  std::string out;
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::vector<std::vector<std::string>> parts(n);
    size_t height = 1;
    for (size_t c = 0; c < n; ++c) {
      parts[c] = align_[c] == Align::kLeft || header ? WrapWords(cells[c], width[c])
                                                     : WrapNumber(cells[c], width[c]);
      height = std::max(height, parts[c].size());
    }
    for (size_t h = 0; h < height; ++h) {
      std::string l;
      for (size_t c = 0; c < n; ++c) {
        if (c) l += sep;
        // A wrapped header sits on its last lines, next to the rule.
        size_t skip = header ? height - parts[c].size() : 0;
        l += Pad(h >= skip && h - skip < parts[c].size() ? parts[c][h - skip] : "", width[c], align_[c]);
      }
      while (!l.empty() && l.back() == ' ') l.pop_back();
      out += l + "\n";
    }
  };
  line(headers_, true);
  std::vector<std::string> rule(n);
  for (size_t c = 0; c < n; ++c) {
    for (size_t i = 0; i < width[c]; ++i) rule[c] += "─";
  }
  line(rule, false);
  for (const auto& r : rows_) line(r, false);
  return out;
}

std::string WrapText(const std::string& text, size_t width) {
  std::string out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = std::min(text.find('\n', pos), text.size());
    std::string para = text.substr(pos, end - pos);
    if (para.empty()) out += "\n";
    for (const std::string& l : WrapWords(para, width)) out += l + "\n";
    pos = end + 1;
  }
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

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "table" || name == "text") return OutputFormat::kTable;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "json") return OutputFormat::kJson;
  if (name == "md" || name == "markdown") return OutputFormat::kMarkdown;
  return std::nullopt;
}

}  // namespace ftf
