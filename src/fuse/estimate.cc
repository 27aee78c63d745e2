#include "fuse/estimate.h"

#include <algorithm>

#include "core/number_format.h"

namespace ftf {

std::string_view Name(EvidenceRole r) {
  switch (r) {
    case EvidenceRole::kUsed: return "used";
    case EvidenceRole::kOutvoted: return "outvoted";
    case EvidenceRole::kVariant: return "variant";
    case EvidenceRole::kDuplicate: return "duplicate";
    case EvidenceRole::kSuperseded: return "superseded";
  }
  return "used";
}

std::string_view Name(ConflictKind k) {
  switch (k) {
    case ConflictKind::kDisagreement: return "disagreement";
    case ConflictKind::kDecrease: return "decrease";
    case ConflictKind::kConstraint: return "constraint";
    case ConflictKind::kCopies: return "copies";
  }
  return "disagreement";
}

std::vector<int64_t> Estimate::UsedClaimIds() const {
  std::vector<int64_t> ids;
  for (const Evidence& e : evidence)
    if (e.window == 0 && e.role == EvidenceRole::kUsed) ids.push_back(e.claim_id);
  return ids;
}

std::string FigureText(Qualifier q, const std::optional<double>& low, const std::optional<double>& best,
                       const std::optional<double>& high) {
  auto n = [](const std::optional<double>& v) { return v ? FormatCount(*v) : std::string("?"); };
  switch (q) {
    case Qualifier::kExact: return n(best ? best : low);
    case Qualifier::kApprox: return best ? "~" + n(best) : n(low) + "–" + n(high);
    case Qualifier::kAtLeast: return "≥" + n(low);
    case Qualifier::kMoreThan: return ">" + n(low);
    case Qualifier::kAtMost: return "≤" + n(high);
    case Qualifier::kFewerThan: return "<" + n(high);
    case Qualifier::kRange:
    case Qualifier::kVague: return low == high ? n(low) : n(low) + "–" + n(high);
  }
  return "?";
}

}  // namespace ftf
