#include "extract/sentence_splitter.h"

#include <cctype>
#include <cstring>

#include "core/byte_search.h"

namespace ftf::extract {
namespace {

inline bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// Byte length of a no-break / thin space at s[i], else 0.
inline size_t UnicodeSpace(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if ((d >= 0x80 && d <= 0x8B) || d == 0xAF) return 3;
  }
  return 0;
}

// Closing quotes and brackets that may follow a full stop: length at s[i], else 0.
inline size_t Closer(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if (d == 0x99 || d == 0x9D) return 3;  // ’ ”
  }
  return 0;
}

// True when s[i] can start a sentence: capital, digit, opening quote or bracket.
inline bool Opener(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == '\'' || c == '(' || c == '[') return true;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    return d == 0x98 || d == 0x9C;  // ‘ “
  }
  return c >= 0xC3 && c <= 0xDF;  // a Latin capital with diacritics (approximately)
}

// True when s[i] opens a line of its own: a sentence opener, a bullet or a dash.
inline bool LineOpener(std::string_view s, size_t i) {
  if (Opener(s, i)) return true;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == '*' || c == '-' || c == '#' || c == '|') return true;
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]), f = static_cast<unsigned char>(s[i + 2]);
    if (d == 0x80 && (f == 0xA2 || f == 0x93 || f == 0x94)) return true;  // • – —
    if (d == 0x96 && (f == 0xAA || f == 0xBA)) return true;               // ▪ ►
  }
  return c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xB7;  // ·
}

// True when the line text[start, e) visibly goes on at the next line: it ends with a comma,
// a hyphen, an opening bracket or a lower-case function word.
inline bool Continues(std::string_view s, size_t start, size_t e) {
  if (e <= start) return false;
  unsigned char last = static_cast<unsigned char>(s[e - 1]);
  if (last == ',' || last == '-' || last == '(' || last == ';') return true;
  size_t w = e;
  while (w > start && std::isalpha(static_cast<unsigned char>(s[w - 1]))) --w;
  std::string_view word = s.substr(w, e - w);
  static constexpr std::string_view kGlue[] = {"the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by",
                                               "for", "from", "with", "as", "that", "who", "which", "than", "its",
                                               "their", "his", "her", "some", "about", "over", "nearly", "were",
                                               "was", "are", "is", "have", "has", "had", "be", "been", "into", "but",
                                               // hedges and range words wait for their number:
                                               // "… calculated that between\n27,000 and 31,000"
                                               "between", "around", "approximately", "roughly", "almost",
                                               "estimated", "least", "under"};
  for (std::string_view g : kGlue)
    if (word == g) return true;
  return false;
}

TextSpan Trim(std::string_view s, size_t a, size_t b) {
  while (a < b) {
    if (IsSpace(static_cast<unsigned char>(s[a]))) ++a;
    else if (size_t n = UnicodeSpace(s, a)) a += n;
    else break;
  }
  while (b > a && IsSpace(static_cast<unsigned char>(s[b - 1]))) --b;
  return {a, b};
}

}  // namespace

std::vector<TextSpan> SplitParagraphs(std::string_view text) {
  std::vector<TextSpan> out;
  size_t start = 0;
  size_t pos = 0;
  const size_t n = text.size();
  while (pos < n) {
    const void* p = std::memchr(text.data() + pos, '\n', n - pos);
    if (!p) break;
    size_t nl = static_cast<const char*>(p) - text.data();
    // Blank line ahead?
    size_t k = nl + 1;
    while (k < n && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
    bool blank = k < n && text[k] == '\n';
    // Line ends with sentence-final punctuation (possibly followed by a closer)?
    size_t e = nl;
    while (e > start && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
    bool final_punct = false;
    size_t back = e;
    for (int guard = 0; guard < 3 && back > start; ++guard) {
      unsigned char c = static_cast<unsigned char>(text[back - 1]);
      if (c == '.' || c == '!' || c == '?' || c == ':') {
        final_punct = true;
        break;
      }
      if (c == '"' || c == ')' || c == '\'') { --back; continue; }
      if (back >= 3 && static_cast<unsigned char>(text[back - 3]) == 0xE2) { back -= 3; continue; }
      break;
    }
    // A short line without final punctuation (a headline) also ends its paragraph.
    bool short_line = (e - start) < 40 && !final_punct && e > start;
    // So does a line of a page's layout — a headline, caption, bullet or table row — which
    // ends without a stop while the next line opens a new unit (a capital, digit, bullet or
    // quote). A hard-wrapped sentence goes on in lower case or breaks after a comma or a
    // function word ("… from over 110\ncountries", "… of the\nIslamic State").
    bool layout_line = !final_punct && e > start && k < n && LineOpener(text, k) && !Continues(text, start, e);
    if (blank || final_punct || short_line || layout_line || e == start) {
      TextSpan t = Trim(text, start, nl);
      if (t.end > t.start) out.push_back(t);
      start = nl + 1;
    }
    pos = nl + 1;
  }
  TextSpan t = Trim(text, start, n);
  if (t.end > t.start) out.push_back(t);
  return out;
}

std::vector<TextSpan> SplitSentences(std::string_view text, TextSpan span, const RuleSet& rules) {
  std::vector<TextSpan> out;
  size_t start = span.start;
  size_t i = span.start;
  const std::string_view body = text.substr(0, span.end);
  while (i < span.end) {
    i = FindAnyOf(body, i, '.', '!', '?');
    if (i >= span.end) break;
    char c = text[i];
    size_t stop = i;
    size_t j = i + 1;
    while (j < span.end && (text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;
    while (j < span.end) {
      size_t n = Closer(text, j);
      if (!n) break;
      j += n;
    }
    // Need whitespace then an opener.
    size_t k = j;
    bool had_space = false;
    while (k < span.end) {
      if (IsSpace(static_cast<unsigned char>(text[k]))) { ++k; had_space = true; continue; }
      if (size_t n = UnicodeSpace(text, k)) { k += n; had_space = true; continue; }
      break;
    }
    if (!had_space || k >= span.end || !Opener(text, k)) {
      i = j;
      continue;
    }
    if (c == '.') {
      // The word before the stop.
      size_t w = stop;
      while (w > start && (std::isalnum(static_cast<unsigned char>(text[w - 1])) || text[w - 1] == '.' ||
                           static_cast<unsigned char>(text[w - 1]) >= 0x80))
        --w;
      std::string_view word = text.substr(w, stop - w);
      bool abbrev = false;
      if (!word.empty()) {
        if (rules.abbreviations.count(std::string(word))) abbrev = true;
        // Initials and initialisms: "J.", "U.S." (a stop inside the word or a single capital).
        else if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') abbrev = true;
        else if (word.find('.') != std::string_view::npos && word.size() <= 6) abbrev = true;
      }
      if (abbrev) {
        i = j;
        continue;
      }
    }
    TextSpan t = Trim(text, start, j);
    if (t.end > t.start) out.push_back(t);
    start = j;
    i = j;
  }
  TextSpan t = Trim(text, start, span.end);
  if (t.end > t.start) out.push_back(t);
  return out;
}

}  // namespace ftf::extract
