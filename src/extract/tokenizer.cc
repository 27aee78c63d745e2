#include "extract/tokenizer.h"

namespace ftf::extract {
namespace {

inline bool IsAsciiAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// A multi-byte sequence with a typographic role: returns its length and sets `norm` and `space`.
// 0 for ordinary (letter) sequences.
size_t Special(std::string_view s, size_t i, std::string* norm, bool* space) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  *space = false;
  if (c == 0xC2 && i + 1 < s.size()) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]);
    if (d == 0xA0) { *space = true; return 2; }                      // no-break space
    if (d == 0xAB || d == 0xBB) { *norm = "\""; return 2; }          // « »
    if (d == 0xA3) { *norm = "£"; return 2; }
    if (d == 0xA7) { *norm = "§"; return 2; }
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if (d >= 0x80 && d <= 0x8B) { *space = true; return 3; }        // en/em/thin spaces
    if (d == 0xAF) { *space = true; return 3; }                      // narrow no-break space
    if (d >= 0x90 && d <= 0x95) { *norm = "-"; return 3; }           // hyphens and dashes
    if (d == 0x98 || d == 0x99 || d == 0x9B) { *norm = "'"; return 3; }
    if (d == 0x9C || d == 0x9D || d == 0x9F) { *norm = "\""; return 3; }
    if (d == 0xA6) { *norm = "..."; return 3; }
    *norm = "?";
    return 3;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x82 &&
      static_cast<unsigned char>(s[i + 2]) == 0xAC) {
    *norm = "€";
    return 3;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x88 &&
      static_cast<unsigned char>(s[i + 2]) == 0x92) {
    *norm = "-";  // minus sign
    return 3;
  }
  return 0;
}

inline size_t Utf8Len(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// True when s[i] starts a letter (ASCII letter or a non-special non-ASCII sequence).
inline bool LetterAt(std::string_view s, size_t i, size_t end) {
  if (i >= end) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (IsAsciiAlpha(c)) return true;
  if (c < 0x80) return false;
  std::string n;
  bool sp;
  return Special(s, i, &n, &sp) == 0;
}

inline bool ApostropheAt(std::string_view s, size_t i, size_t end, size_t* len) {
  if (i < end && s[i] == '\'') {
    *len = 1;
    return true;
  }
  if (i + 3 <= end && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x99) {
    *len = 3;
    return true;
  }
  return false;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end) {
  std::vector<Token> out;
  // Every token leaves with the hash of its normal form, computed once here.
  auto emit = [&out](Token&& t) {
    t.hash = WordHash(t.norm);
    out.push_back(std::move(t));
  };
  out.reserve((end - begin) / 5 + 4);
  size_t i = begin;
  bool space = true;
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      ++i;
      continue;
    }
    Token t;
    t.start = static_cast<uint32_t>(i);
    t.space_before = space;
    space = false;
    if (c >= 0x80) {
      std::string norm;
      bool sp;
      size_t n = Special(text, i, &norm, &sp);
      if (n > 0) {
        if (sp) {
          space = true;
          i += n;
          continue;
        }
        t.kind = TokKind::kPunct;
        t.norm = norm;
        i += n;
        t.end = static_cast<uint32_t>(i);
        emit(std::move(t));
        continue;
      }
    }
    if (IsDigit(c)) {
      t.kind = TokKind::kNumber;
      size_t j = i;
      while (j < end) {
        unsigned char d = static_cast<unsigned char>(text[j]);
        if (IsDigit(d)) { ++j; continue; }
        if ((d == ',' || d == '.') && j + 1 < end && IsDigit(static_cast<unsigned char>(text[j + 1]))) {
          j += 2;
          continue;
        }
        break;
      }
      // "MI5"-like tails ("4th", "1980s") stay one word so they are never counts.
      if (j < end && LetterAt(text, j, end)) {
        size_t k = j;
        while (k < end && (IsAsciiAlpha(static_cast<unsigned char>(text[k])) || IsDigit(static_cast<unsigned char>(text[k])))) ++k;
        t.kind = TokKind::kWord;
        j = k;
      }
      t.end = static_cast<uint32_t>(j);
      t.norm.assign(text.substr(i, j - i));
      for (char& ch : t.norm) if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
      i = j;
      emit(std::move(t));
      continue;
    }
    if (LetterAt(text, i, end)) {
      t.kind = TokKind::kWord;
      t.cap = (c >= 'A' && c <= 'Z') || c >= 0x80;
      // Initialisms: "U.S.", "U.K.", "U.S.A."
      if (c >= 'A' && c <= 'Z' && i + 3 < end && text[i + 1] == '.' && text[i + 2] >= 'A' && text[i + 2] <= 'Z' &&
          text[i + 3] == '.') {
        size_t j = i;
        while (j + 1 < end && text[j] >= 'A' && text[j] <= 'Z' && text[j + 1] == '.') j += 2;
        t.end = static_cast<uint32_t>(j);
        t.norm.assign(text.substr(i, j - i));
        for (char& ch : t.norm) if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
        i = j;
        emit(std::move(t));
        continue;
      }
      size_t j = i;
      while (j < end) {
        unsigned char d = static_cast<unsigned char>(text[j]);
        if (IsAsciiAlpha(d) || IsDigit(d)) { ++j; continue; }
        if (d >= 0x80) {
          if (!LetterAt(text, j, end)) break;
          j += Utf8Len(d);
          continue;
        }
        if (d == '-' && j + 1 < end && LetterAt(text, j + 1, end)) { ++j; continue; }
        // Internal apostrophe not followed by "s " (O'Brien, Ma'an), but not possessive 's.
        size_t alen = 0;
        if (ApostropheAt(text, j, end, &alen) && LetterAt(text, j + alen, end)) {
          bool possessive = (text[j + alen] == 's' || text[j + alen] == 'S') &&
                            !(j + alen + 1 < end && LetterAt(text, j + alen + 1, end));
          if (!possessive) { j += alen; continue; }
        }
        break;
      }
      t.end = static_cast<uint32_t>(j);
      t.norm.reserve(j - i);
      for (size_t k = i; k < j; ++k) {
        char ch = text[k];
        t.norm += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
      }
      i = j;
      emit(std::move(t));
      // Possessive 's as its own token.
      size_t alen = 0;
      if (ApostropheAt(text, i, end, &alen) && i + alen < end && (text[i + alen] == 's' || text[i + alen] == 'S') &&
          !LetterAt(text, i + alen + 1, end)) {
        Token p;
        p.start = static_cast<uint32_t>(i);
        p.end = static_cast<uint32_t>(i + alen + 1);
        p.kind = TokKind::kWord;
        p.norm = "'s";
        emit(std::move(p));
        i += alen + 1;
      }
      continue;
    }
    // ASCII punctuation (or a stray byte): one token.
    t.kind = TokKind::kPunct;
    size_t n = Utf8Len(c);
    if (i + n > end) n = end - i;
    t.norm.assign(text.substr(i, n));
    i += n;
    t.end = static_cast<uint32_t>(i);
    emit(std::move(t));
  }
  return out;
}

}  // namespace ftf::extract
