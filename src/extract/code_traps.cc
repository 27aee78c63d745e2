#include "extract/code_traps.h"

#include <cstring>

namespace ftf::extract {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdent(char c) { return IsAlpha(c) || IsDigit(c) || c == '_'; }

}  // namespace

std::optional<std::string> CodeTrap(std::string_view doc, size_t start, size_t end) {
  if (start >= end || end > doc.size()) return std::nullopt;
  const char before = start > 0 ? doc[start - 1] : ' ';
  const char after = end < doc.size() ? doc[end] : ' ';
  // The whitespace-delimited chunk around the number.
  size_t cs = start, ce = end;
  while (cs > 0 && !IsSpace(doc[cs - 1])) --cs;
  while (ce < doc.size() && !IsSpace(doc[ce])) ++ce;
  std::string_view chunk = doc.substr(cs, ce - cs);
  if (chunk.find("://") != std::string_view::npos || chunk.starts_with("www.") ||
      chunk.find(".com/") != std::string_view::npos || chunk.find(".org/") != std::string_view::npos ||
      (chunk.find('@') != std::string_view::npos && chunk.find('.') != std::string_view::npos))
    return "link: inside a URL or e-mail address";
  for (std::string_view ext : {".jpg", ".jpeg", ".png", ".gif", ".webp", ".pdf", ".htm", ".mp4"})
    if (chunk.find(ext) != std::string_view::npos) return "link: part of a file name";
  if (before == '/' || after == '/' || before == '\\') return "link: part of a path or a date written with slashes";
  // Markup: an open tag (or entity) around the number.
  if (start >= 2 && doc[start - 1] == '#' && doc[start - 2] == '&') return "markup: a character entity";
  {
    // The nearest '<' within 400 bytes before, with no '>' or line break after it.
    size_t from = start > 400 ? start - 400 : 0;
    size_t lt = std::string_view::npos;
    if (const void* p = memrchr(doc.data() + from, '<', start - from)) {
      lt = static_cast<size_t>(static_cast<const char*>(p) - doc.data());
      std::string_view between = doc.substr(lt, start - lt);
      if (between.find('>') != std::string_view::npos || between.find('\n') != std::string_view::npos)
        lt = std::string_view::npos;
    }
    if (lt != std::string_view::npos && lt + 1 < doc.size() &&
        (IsAlpha(doc[lt + 1]) || doc[lt + 1] == '/' || doc[lt + 1] == '!')) {
      for (size_t i = end, steps = 0; i < doc.size() && steps < 400; ++i, ++steps) {
        if (doc[i] == '<' || doc[i] == '\n') break;
        if (doc[i] == '>') return "markup: inside a tag";
      }
    }
  }
  // Code: glued to an identifier or an operator.
  if (IsAlpha(before) || before == '_' || before == '=' || (before == '$' && start >= 2 && IsAlpha(doc[start - 2])))
    return "code: glued to an identifier";
  if ((before == '(' || before == '[' || before == '{') && start >= 2 && IsIdent(doc[start - 2]))
    return "code: an argument or index (\"alert(1)\", \"arr[3]\")";
  if (before == '-' && start >= 2 && IsAlpha(doc[start - 2]) && start >= 3 && IsAlpha(doc[start - 3]))
    return "code: part of an identifier (\"CC-BY-SA-4.0\", \"COVID-19\")";
  if (before == '=' || (before == '+' && start >= 2 && !IsSpace(doc[start - 2]))) return "code: an expression";
  if (IsAlpha(after) || after == '_') {
    // "1st", "3rd", "30s", "5px", "mp3": ordinals, decades and identifiers are no figures.
    return "code: glued to letters (an ordinal, a decade, a unit or an identifier)";
  }
  // Bracketed references: "[12]", "[3, 4]", "[5-7]".
  {
    size_t i = start;
    while (i > 0 && (IsDigit(doc[i - 1]) || doc[i - 1] == ',' || doc[i - 1] == ' ' || doc[i - 1] == '-')) --i;
    size_t j = end;
    while (j < doc.size() && (IsDigit(doc[j]) || doc[j] == ',' || doc[j] == ' ' || doc[j] == '-')) ++j;
    if (i > 0 && doc[i - 1] == '[' && j < doc.size() && doc[j] == ']') return "reference: a bracketed reference mark";
  }
  // Footnote marks glued to what they annotate: "(4,761)1", "fighters.12", "returned,3".
  if (before == ')' || before == ']' || before == '"') return "footnote: a mark glued to a bracket or quote";
  if ((before == '.' || before == ',' || before == ';' || before == ':') && start >= 2 && IsAlpha(doc[start - 2]))
    return "footnote: a mark glued to a word";
  if (before == '.' && start >= 2 && (doc[start - 2] == ')' || doc[start - 2] == '"'))
    return "footnote: a mark glued to a stop";
  return std::nullopt;
}

}  // namespace ftf::extract
