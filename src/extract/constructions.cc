#include "extract/constructions.h"

#include <algorithm>
#include <cctype>

#include "extract/sentence_splitter.h"

namespace ftf::extract {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

// Figures written in digits in `s`: runs of digits with their separators count once.
int DigitFigures(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) continue;
    ++n;
    while (i + 1 < s.size() && (std::isdigit(static_cast<unsigned char>(s[i + 1])) ||
                                ((s[i + 1] == ',' || s[i + 1] == '.') && i + 2 < s.size() &&
                                 std::isdigit(static_cast<unsigned char>(s[i + 2])))))
      ++i;
  }
  return n;
}

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> list) {
  for (std::string_view p : list)
    if (s.starts_with(p)) return true;
  return false;
}

}  // namespace

std::vector<std::string> ConstructionsOf(std::string_view text, const Claim& c, const RuleSet& rules,
                                         const Gazetteer& geo) {
  std::vector<std::string> tags;
  if (!c.span || c.span->start < 0 || static_cast<size_t>(c.span->end) > text.size()) return {"plain"};
  const size_t a = static_cast<size_t>(c.span->start), b = static_cast<size_t>(c.span->end);
  // The sentence around the cue.
  TextSpan sent{a, b};
  bool first_para = false, title = false;
  std::vector<TextSpan> paras = SplitParagraphs(text);
  for (size_t pi = 0; pi < paras.size(); ++pi) {
    if (paras[pi].start > a || paras[pi].end < b) continue;
    first_para = pi == 0;
    std::string_view p = text.substr(paras[pi].start, paras[pi].end - paras[pi].start);
    while (!p.empty() && std::isspace(static_cast<unsigned char>(p.back()))) p.remove_suffix(1);
    title = first_para && !p.empty() && p.find('\n') == std::string_view::npos && p.back() != '.';
    for (const TextSpan& s : SplitSentences(text, paras[pi], rules))
      if (s.start <= a && s.end >= b) sent = s;
    break;
  }
  std::string_view st = text.substr(sent.start, sent.end - sent.start);
  const size_t ca = a - sent.start, cb = b - sent.start;
  std::string low = Lower(st);
  if (title) tags.push_back("headline");
  // The line the cue is on, for flattened tables.
  size_t ls = text.rfind('\n', a), le = text.find('\n', b);
  std::string_view line = text.substr(ls == std::string_view::npos ? 0 : ls + 1,
                                      (le == std::string_view::npos ? text.size() : le) -
                                          (ls == std::string_view::npos ? 0 : ls + 1));
  size_t before = ca;
  while (before > 0 && st[before - 1] == ' ') --before;
  bool after_colon = before > 0 && st[before - 1] == ':';
  bool separator = line.find('\t') != std::string_view::npos || line.find("\xC2\xB7") != std::string_view::npos ||
                   line.find('|') != std::string_view::npos;
  if (DigitFigures(st) >= 3 || after_colon || separator) tags.push_back("list");
  {
    size_t open = st.rfind('(', ca), close = st.rfind(')', ca);
    if (open != std::string_view::npos && (close == std::string_view::npos || close < open) &&
        st.find(')', cb) != std::string_view::npos)
      tags.push_back("bracketed");
  }
  std::vector<PlaceMention> places = geo.FindMentions(st);
  bool named = false, by_demonym = false;
  for (const PlaceMention& m : places) {
    std::string scope = m.scope;
    if (auto it = rules.renames.find(scope); it != rules.renames.end()) scope = it->second;
    if (scope != c.scope) continue;
    if (m.demonym) by_demonym = true;
    else named = true;
    if (m.end + 4 <= ca && st.substr(m.end, 2) == "'s" && ca - m.end <= 4) tags.push_back("possessive");
    if (m.end + 6 <= ca && st.substr(m.end, 4) == "\xE2\x80\x99s" && ca - m.end <= 6) tags.push_back("possessive");
  }
  if (by_demonym && !named && c.scope.size() == 3) tags.push_back("demonym");
  bool scope_here = named || by_demonym || c.scope == "World";
  if (!scope_here || StartsWithAny(low, {"of these", "of them", "of those", "of whom", "another", "the rest",
                                         "the remaining", "a further"}))
    tags.push_back("discourse");
  for (std::string_view w : {" each", "respectively", "a further", "the remaining", "half of them", "the rest"})
    if (low.find(w) != std::string::npos) {
      tags.push_back("distributive");
      break;
    }
  std::string cue_low = Lower(text.substr(a, b - a));
  bool fraction = c.unit == Unit::kShare || cue_low.find('%') != std::string::npos ||
                  cue_low.find("per") != std::string::npos || rules.fractions.Contains(cue_low) ||
                  cue_low.find("quarter") != std::string::npos || cue_low.find("third") != std::string::npos ||
                  cue_low.find("half") != std::string::npos;
  if (fraction) tags.push_back("share");
  if (c.subgroup != Subgroup::kAll) tags.push_back("subgroup");
  if (c.unit == Unit::kCountries) tags.push_back("countries");
  if (c.attributed_to && !c.attributed_to->empty()) {
    size_t at = low.find(Lower(*c.attributed_to));
    if (at == std::string::npos) tags.push_back("attribution-carried");
    else if (at > cb) tags.push_back("attribution-after");
  }
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  if (tags.empty()) tags.push_back("plain");
  return tags;
}

}  // namespace ftf::extract
