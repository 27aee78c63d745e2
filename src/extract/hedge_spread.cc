#include "extract/hedge_spread.h"

namespace ftf::extract {
namespace {

// Token index just past "from <place>" / "in <place>" starting at i (an article may come
// between), or 0 when the words at i are not such an item tail.
size_t PlaceItemAt(const Sentence& s, size_t i) {
  if (!(s.Is(i, "from") || s.Is(i, "in"))) return 0;
  size_t at = i + 1;
  if (s.Is(at, "the")) ++at;
  for (const Place& p : s.places)
    if ((p.tb == at || p.tb == i + 1) && !p.theatre) return p.te;
  return 0;
}

bool Bounded(Qualifier q) {
  return q == Qualifier::kApprox || q == Qualifier::kAtLeast || q == Qualifier::kMoreThan ||
         q == Qualifier::kAtMost || q == Qualifier::kFewerThan;
}

}  // namespace

void SpreadListHedges(Sentence& s) {
  for (size_t k = 1; k < s.nums.size(); ++k) {
    NumExpr& e = s.nums[k];
    const NumExpr& p = s.nums[k - 1];
    if (e.hedged || e.qualifier != Qualifier::kExact || e.kind != NumKind::kCount || !e.best) continue;
    if (!(p.hedged || p.hedge_shared) || p.kind != NumKind::kCount || !Bounded(p.qualifier)) continue;
    // The bare item is "M from <place>", right after a comma or "and".
    if (e.begin == 0 || !(s.Is(e.begin - 1, ",") || s.Is(e.begin - 1, "and"))) continue;
    if (!PlaceItemAt(s, e.end)) continue;
    // The hedged item before it ends with its own "from <place>" (a noun and verb may come
    // between: "more than 350 fighters come from Bosnia,"), in the same clause, and only an
    // aside of attribution may follow before the comma ("…, the analysis said, 150 from …").
    bool tail = false, broken = false;
    for (size_t i = p.end; i + 1 < e.begin && !broken; ++i) {
      if (s.hard[i] || s.num_at[i] >= 0) broken = true;
      else if (!tail && PlaceItemAt(s, i)) tail = true;
    }
    if (!tail || broken || e.begin - p.end > 14) continue;
    const double v = *e.best;
    e.best.reset();
    e.qualifier = p.qualifier;
    e.hedge_shared = true;
    switch (p.qualifier) {
      case Qualifier::kAtLeast:
      case Qualifier::kMoreThan: e.low = v; break;
      case Qualifier::kAtMost:
      case Qualifier::kFewerThan: e.high = v; break;
      default: e.best = v; break;
    }
  }
}

}  // namespace ftf::extract
