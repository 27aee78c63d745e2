// The ledger: one figure per (scope, category, subgroup, unit) from the stored claims.
//
// Two methods exist. kLatestAuthoritative shows, per key, the claim of the most authoritative
// kind of source (government/intergovernmental > think tank/academic > news > unspecified)
// and among those the latest as_of; it is what `ledger --raw` shows. kFused shows the
// reconciled estimate (docs/fusion.md) where fusion is available.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "claims/interval.h"
#include "ftfwatch/claim.h"
#include "ftfwatch/source.h"

namespace ftf {

enum class LedgerMethod { kLatestAuthoritative, kFused };

struct LedgerKey {
  std::string scope;
  Category category = Category::kDeparted;
  Subgroup subgroup = Subgroup::kAll;
  Unit unit = Unit::kPersons;
  auto operator<=>(const LedgerKey&) const = default;
};

struct LedgerEntry {
  LedgerKey key;
  Interval interval;                // what the figure allows (the stated estimate)
  std::optional<double> low, best, high;  // as shown: stated values of the chosen claim, or fused
  bool stated = true;               // false: no source states the key ("no stated figure")
  std::optional<Interval> bounds;   // fused only: the feasible bounds from the constraints
  std::string wording;              // fused only: the estimate in a source's words (">40,000")
  std::optional<Qualifier> qualifier;     // the chosen claim's qualifier (kLatestAuthoritative)
  std::vector<int64_t> claim_ids;   // claims behind the figure (chosen first)
  std::vector<std::string> sources; // distinct source ids behind the key
  int n_claims = 0;                 // all claims stored for the key
  bool conflict = false;            // sources disagree beyond their stated uncertainty
  std::string as_of;                // of the chosen claim, or the latest used
  std::string method;               // "latest-authoritative" or "fused"
};

// Authority rank of a source kind: higher is more authoritative.
int AuthorityRank(SourceKind kind);

// Groups `claims` by key and picks one figure per key with the latest-authoritative rule.
// `sources` gives each source's kind (unknown ids count as unspecified).
std::vector<LedgerEntry> LatestAuthoritative(const std::vector<Claim>& claims,
                                             const std::map<std::string, Source>& sources);

}  // namespace ftf
