#include "fuse/copies.h"

#include <algorithm>
#include <iterator>
#include <tuple>

#include "core/utf8.h"
#include "fuse/weights.h"

namespace ftf {

std::string FoldSourceName(std::string_view name) {
  const std::string folded = Fold(name);
  std::string out;
  out.reserve(folded.size());
  for (unsigned char c : folded) {
    if (IsWordByte(c)) out += static_cast<char>(c);
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

std::vector<std::string> SourceNames(const Source& s) {
  std::vector<std::string> names;
  auto add = [&](std::string_view n) {
    std::string f = FoldSourceName(n);
    if (!f.empty() && std::find(names.begin(), names.end(), f) == names.end()) names.push_back(std::move(f));
  };
  add(s.publisher);
  // "… - The Hague (ICCT)": a one-word acronym in closing brackets names the publisher too, and
  // so does the name before it. Brackets holding several words ("(with …)", "(copy on …)") are
  // part of the name only.
  std::string_view p = s.publisher;
  while (!p.empty() && p.back() == ' ') p.remove_suffix(1);
  const size_t open = p.rfind('(');
  if (!p.empty() && p.back() == ')' && open != std::string_view::npos) {
    std::string_view inner = p.substr(open + 1, p.size() - open - 2);
    if (inner.size() >= 2 && inner.find(' ') == std::string_view::npos) {
      add(inner);
      add(p.substr(0, open));
    }
  }
  for (const std::string& a : s.aliases) add(a);
  return names;
}

CopyIndex::CopyIndex(const std::map<std::string, Source>& sources,
                     const std::unordered_map<std::string, int>& claims_per_source, const FusionConfig& config)
    : lead_days_(config.copy_lead_days), window_days_(config.copy_window_days) {
  for (const auto& [id, s] : sources) {
    Named n{id, DayNumber(s.published), s.published, 0};
    if (auto it = claims_per_source.find(id); it != claims_per_source.end()) n.claims = it->second;
    for (const std::string& name : SourceNames(s)) by_name_[name].push_back(n);
  }
}

std::optional<CopyTarget> CopyIndex::EditionOf(const Claim& c, int day) const {
  if (!c.attributed_to || c.attributed_to->empty()) return std::nullopt;
  auto folded = folded_.find(*c.attributed_to);
  if (folded == folded_.end()) folded = folded_.emplace(*c.attributed_to, FoldSourceName(*c.attributed_to)).first;
  auto it = by_name_.find(folded->second);
  if (it == by_name_.end()) return std::nullopt;
  const std::vector<Named>& named = it->second;
  // A source crediting its own name is its own edition.
  if (std::any_of(named.begin(), named.end(), [&](const Named& n) { return n.id == c.source_id; })) return std::nullopt;
  const Named* best = nullptr;
  for (const Named& n : named) {
    if (!n.published || *n.published > day + lead_days_ || *n.published < day - window_days_) continue;
    if (!best || std::make_tuple(*n.published, n.claims, std::string_view(best->id)) >
                     std::make_tuple(*best->published, best->claims, std::string_view(n.id)))
      best = &n;
  }
  if (!best) return std::nullopt;
  return CopyTarget{best->id, *best->published, best->published_text};
}

void DateCopiesByEdition(std::vector<Evidence>& evidence, const std::vector<std::optional<CopyTarget>>& targets,
                         int lead_days) {
  if (std::none_of(targets.begin(), targets.end(), [](const auto& t) { return t.has_value(); })) return;
  // Each source's own claims of this key by day, so that a key with many copies stays fast.
  std::unordered_map<std::string, std::vector<std::pair<int, size_t>>> own_days;
  for (size_t j = 0; j < evidence.size(); ++j)
    if (!targets[j]) own_days[evidence[j].source_id].push_back({evidence[j].day, j});
  for (auto& [id, days] : own_days) std::sort(days.begin(), days.end());
  for (size_t i = 0; i < evidence.size(); ++i) {
    if (!targets[i]) continue;
    Evidence& copy = evidence[i];
    const CopyTarget& t = *targets[i];
    // The edition's own claims of this key: the latest at or before the copy's date (+ lead).
    const Evidence* own = nullptr;
    if (auto it = own_days.find(t.source_id); it != own_days.end()) {
      auto after = std::upper_bound(it->second.begin(), it->second.end(),
                                    std::make_pair(copy.day + lead_days, evidence.size()));
      if (after != it->second.begin()) own = &evidence[std::prev(after)->second];
    }
    copy.copy_of = t.source_id;
    copy.copy_as_of = copy.as_of;
    copy.day = own ? own->day : t.published;
    copy.as_of = own ? own->as_of : t.published_text;
  }
}

}  // namespace ftf
