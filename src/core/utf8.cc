#include "core/utf8.h"

#include <utf8proc.h>

#include <cstdlib>
#include <cstring>

namespace ftf {

std::optional<size_t> FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Eight ASCII bytes at a time: news text is mostly ASCII, and this runs over every document.
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                            static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len <= 0) return i;
    i += static_cast<size_t>(len);
  }
  return std::nullopt;
}

std::string ReplaceInvalidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (len <= 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, static_cast<size_t>(len)));
      i += static_cast<size_t>(len);
    }
  }
  return out;
}

namespace {

// Folds one non-ASCII code point into `out`.
void FoldCodePoint(utf8proc_int32_t cp, std::string& out) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: out += '\''; return;
    case 0x201C: case 0x201D: case 0x201F: case 0x2033: out += '"'; return;
    case 0x00A0: case 0x2007: case 0x202F: case 0x2009: case 0x200A: case 0x2002: case 0x2003:
      out += ' ';
      return;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      out += '-';
      return;
    default: break;
  }
  utf8proc_uint8_t* folded = nullptr;
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t blen = utf8proc_encode_char(cp, buf);
  utf8proc_ssize_t r = utf8proc_map(buf, blen, &folded,
                                    static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                                                   UTF8PROC_STRIPMARK | UTF8PROC_COMPAT));
  if (r > 0 && folded) out.append(reinterpret_cast<const char*>(folded), static_cast<size_t>(r));
  else out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(blen));
  std::free(folded);
}

}  // namespace

FoldedText FoldForMatch(std::string_view s) {
  FoldedText f;
  f.text.reserve(s.size());
  f.to_source.reserve(s.size() + 1);
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      // A run of ASCII folds byte for byte: written in place, without a push per byte.
      size_t j = i;
      while (j < s.size() && static_cast<unsigned char>(s[j]) < 0x80) ++j;
      const size_t at = f.text.size();
      f.text.resize(at + (j - i));
      f.to_source.resize(at + (j - i));
      char* out = f.text.data() + at;
      uint32_t* map = f.to_source.data() + at;
      for (size_t k = i; k < j; ++k) {
        const unsigned char b = static_cast<unsigned char>(s[k]);
        *out++ = static_cast<char>((b >= 'A' && b <= 'Z') ? b + 32 : b);
        *map++ = static_cast<uint32_t>(k);
      }
      i = j;
      continue;
    }
    size_t before = f.text.size();
    size_t len = 1;
    utf8proc_int32_t cp;
    utf8proc_ssize_t l = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (l <= 0) {
      f.text += '?';
    } else {
      len = static_cast<size_t>(l);
      FoldCodePoint(cp, f.text);
    }
    for (size_t k = before; k < f.text.size(); ++k) f.to_source.push_back(static_cast<uint32_t>(i));
    i += len;
  }
  f.to_source.push_back(static_cast<uint32_t>(s.size()));
  return f;
}

std::string Fold(std::string_view s) { return FoldForMatch(s).text; }

}  // namespace ftf
