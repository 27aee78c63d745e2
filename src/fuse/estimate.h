// The nouns of fusion: evidence (one claim's part in an estimate), estimates, the steps that
// produced them, and conflicts with the claims on each side. See fuse/fusion.h for the method.
// Plain values: copies, no pointers into the inputs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/interval.h"
#include "fuse/ledger.h"
#include "ftfwatch/claim.h"
#include "ftfwatch/source.h"

namespace ftf {

// What one claim did for its key's estimate.
enum class EvidenceRole {
  kUsed,        // in a credible group of its window: the estimate rests on it
  kOutvoted,    // inconsistent with a heavier group of its window: flagged, not used
  kVariant,     // a copy's figure its edition does not rest on (the edition's headline, its
                // own record, or the figure its other copies agree on, stands for it): shown
                // beside the edition's figure, not used
  kDuplicate,   // same source and same interval as another claim of its window: counted once
  kSuperseded,  // a stock figure older than the current window: no longer informative
};
std::string_view Name(EvidenceRole r);

// One claim's part in an estimate.
struct Evidence {
  int64_t claim_id = 0;     // Claim::id (0 for claims that were never stored)
  size_t input_index = 0;   // position of the claim in the vector given to Fuse()
  std::string source_id;
  SourceKind kind = SourceKind::kUnspecified;
  std::string as_of;        // the claim's date: its as_of, else its source's publication date;
                            // for a copy under another source, its edition's date
  int day = 0;              // as_of as a day number (fuse/weights.h)
  // A copy under another source (fuse/copies.h): the source whose edition it belongs to, and
  // the copy's own date. Empty when the claim is its own source's.
  std::string copy_of;
  std::string copy_as_of;
  Qualifier qualifier = Qualifier::kExact;
  ClaimRole claim_role = ClaimRole::kUnspecified;  // the claim's part in its publication
  Interval stated;          // the interval the claim states (counts snapped to whole numbers)
  double kind_weight = 0, recency = 0, weight = 0;  // weight = kind_weight × recency
  int window = 0;           // 0: the current window; 1: the one before it; ...
  EvidenceRole role = EvidenceRole::kUsed;
};

// One window of a key's claims, as reconciled (newest first in Estimate::windows).
struct WindowStep {
  int window = 0;
  std::string from, to;    // dates of its oldest and newest claim
  Interval selected;       // the credible groups' intersection (their hull when tied)
  double weight = 0;       // total weight of the winning group
  int groups = 1;          // credible groups (more than one: a tie)
  int used = 0, outvoted = 0, duplicates = 0;
  int editions = 0;        // publications (source and date) among the claims
  int variants = 0;        // copies' figures set aside for their edition's figure
  std::optional<double> lower_bound;  // from older windows (cumulative categories)
  bool decrease = false;   // this window lay below the older lower bound
  Interval result;         // after applying the lower bound
};

// A change made by constraint propagation.
struct Adjustment {
  std::string constraint;  // "returned ≤ departed (FRA, all)"
  Interval before, after;
};

struct Estimate {
  LedgerKey key;
  std::string as_of;  // the newest claim's date (empty for a derived estimate)
  int day = 0;        // as_of as a day number
  // The stated estimate: what the sources say, weighed and reconciled (docs/fusion.md,
  // sections 1-3): low–high with strictness, and best (nullopt when no claim gave a point).
  // Constraints with other keys never change it. Meaningless when `derived` (no claim states
  // the key): see stated().
  Interval interval;
  // The feasible bounds: the stated estimate narrowed by the constraints between keys
  // (section 4), or for a derived key all that is known. Shown apart (`ledger --bounds`,
  // `explain`, JSON "bounds"), never as the estimate. No best.
  Interval bounds;
  // The stated estimate in a source's own words when one used claim states exactly it
  // (">40,000", "~5,000", "129"); empty otherwise.
  std::string wording;
  std::vector<Evidence> evidence;    // every claim of the key: by window, then role, weight
  std::vector<WindowStep> windows;   // newest first
  std::vector<Adjustment> adjustments;
  bool conflict = false;   // a conflict touches the current estimate (see FusionResult::conflicts)
  bool derived = false;    // no claim of its own: built from a share and another estimate
  int n_claims = 0;
  std::vector<std::string> sources;  // sources of the used claims of the current window

  std::vector<int64_t> UsedClaimIds() const;  // current window, heaviest first
  bool stated() const { return !derived && !interval.empty(); }  // some source states the key
};

enum class ConflictKind {
  kDisagreement,  // claims of one window do not overlap
  kDecrease,      // a newer cumulative figure lies below an older one
  kConstraint,    // estimates of several keys cannot all hold (returned > departed, …)
  kCopies,        // copies of one publication print different figures
};
std::string_view Name(ConflictKind k);

// A claim as shown in a conflict: what it said, where, and how much it weighed.
struct ClaimRef {
  int64_t id = 0;
  LedgerKey key;
  std::string source_id;
  SourceKind kind = SourceKind::kUnspecified;
  std::string as_of;    // the claim's own date
  std::string copy_of;  // the source whose edition it copies (fuse/copies.h), if another
  Qualifier qualifier = Qualifier::kExact;
  std::optional<double> low, best, high;  // as stated
  Interval interval;
  double weight = 0;
  std::string cue, sentence, page, note;
};

struct ConflictSide {
  std::string label;   // "credible", "outvoted", "newer", "older", "left side", "right side"
  bool credible = true;  // the estimate covers this side
  Interval interval;   // what the side's claims allow together
  double weight = 0;
  std::vector<ClaimRef> claims;
};

struct Conflict {
  ConflictKind kind = ConflictKind::kDisagreement;
  LedgerKey key;                  // the key it is listed under
  std::vector<LedgerKey> keys;    // every key involved (constraints involve several)
  std::string as_of;
  std::string summary;            // one line: "271 (soufan2017) vs 302 (soufan2017): …"
  std::vector<ConflictSide> sides;
};

// A claim's figure in its own terms, in a few characters: "271", "~425", "<129", ">40,000",
// "≥5,600", "≤300", "300–350".
std::string FigureText(Qualifier q, const std::optional<double>& low, const std::optional<double>& best,
                       const std::optional<double>& high);

}  // namespace ftf
