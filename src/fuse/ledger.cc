#include "fuse/ledger.h"

#include <algorithm>
#include <set>

namespace ftf {

int AuthorityRank(SourceKind kind) {
  switch (kind) {
    case SourceKind::kGovernment:
    case SourceKind::kIntergovernmental: return 3;
    case SourceKind::kThinkTank:
    case SourceKind::kAcademic: return 2;
    case SourceKind::kNews: return 1;
    case SourceKind::kUnspecified: return 0;
  }
  return 0;
}

std::vector<LedgerEntry> LatestAuthoritative(const std::vector<Claim>& claims,
                                             const std::map<std::string, Source>& sources) {
  std::map<LedgerKey, std::vector<const Claim*>> groups;
  for (const Claim& c : claims) groups[{c.scope, c.category, c.subgroup, c.unit}].push_back(&c);
  auto rank = [&](const Claim* c) {
    auto it = sources.find(c->source_id);
    return AuthorityRank(it == sources.end() ? SourceKind::kUnspecified : it->second.kind);
  };
  std::vector<LedgerEntry> out;
  for (auto& [key, group] : groups) {
    // Most authoritative first, then latest, then the lowest id (stable, first stored).
    std::sort(group.begin(), group.end(), [&](const Claim* a, const Claim* b) {
      int ra = rank(a), rb = rank(b);
      if (ra != rb) return ra > rb;
      if (a->as_of != b->as_of) return a->as_of > b->as_of;
      return a->id < b->id;
    });
    const Claim& chosen = *group.front();
    LedgerEntry e;
    e.key = key;
    e.interval = ClaimInterval(chosen);
    e.low = chosen.low;
    e.best = chosen.best;
    e.high = chosen.high;
    e.qualifier = chosen.qualifier;
    e.as_of = chosen.as_of;
    e.n_claims = static_cast<int>(group.size());
    e.method = "latest-authoritative";
    std::set<std::string> seen;
    for (const Claim* c : group) {
      e.claim_ids.push_back(c->id);
      if (seen.insert(c->source_id).second) e.sources.push_back(c->source_id);
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace ftf
