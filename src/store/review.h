// Review of stored claims: the decisions a reviewer takes (accept, reject with a reason,
// correct a field), the audit log that keeps each one, and how decisions carry over when a
// document is extracted again. The rules live here, once; each Store only runs the SQL.
//
// Transitions (docs/review.md):
//   pending  -> accepted | rejected | corrected
//   accepted -> rejected | corrected        (a reviewer may overturn an imported figure)
//   rejected -> accepted | corrected        (a reviewer may reopen a rejection)
//   corrected: final; its correction is a new accepted claim, which can itself be rejected.
// Taking a claim to the status it already has is refused (FailedPrecondition), so a log entry
// always records a change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ftfwatch/claim.h"
#include "ftfwatch/status.h"

namespace ftf {

enum class ReviewAction { kAccept, kReject, kCorrect };
std::string_view Name(ReviewAction a);  // "accept", "reject", "correct"

struct ReviewDecision {
  int64_t claim_id = 0;
  ReviewAction action = ReviewAction::kAccept;
  std::string reason;                // required to reject; optional otherwise
  std::optional<Claim> correction;   // kCorrect: the claim as it should read
};

// One line of the audit log: who decided what about which claim, and the claim before and
// after (claim JSON text; for a correction, `after` is the correcting claim).
struct ReviewLogEntry {
  int64_t id = 0;  // assigned by the store
  std::string at;  // UTC, "YYYY-MM-DDTHH:MM:SSZ"
  std::string actor;
  std::string action;  // Name(ReviewAction)
  std::string claim_fingerprint;
  std::string document_sha256, cue, sentence;
  std::string reason;
  std::string before, after;
  bool operator==(const ReviewLogEntry&) const = default;
};

// The de-duplication key of a log entry: importing an export twice logs each decision once.
std::string ReviewLogKey(const ReviewLogEntry& e);

// What a store must write for one decision on `current` (the claim as stored).
struct ReviewStep {
  ReviewStatus status;                // the claim's new status
  std::string review_note;            // the reason, kept on the claim
  std::optional<Claim> correction;    // to insert (accepted, origin "review")
  ReviewLogEntry log;
};
// Checks the transition and builds the step. Errors: FailedPrecondition for a transition that
// is not allowed (naming both statuses), InvalidArgument for a rejection without a reason or a
// correction that changes nothing or fails ValidateClaimShape (the message names the field).
Result<ReviewStep> PlanReview(const Claim& current, const ReviewDecision& d, const std::string& actor,
                              const std::string& at);

// Applies one field change to a copy of `c` for a correction: `field` is a claim JSON field
// name (scope, category, subgroup, unit, low, best, high, qualifier, as_of, attributed_to,
// page, note); `value` "" or "null" clears a number or attributed_to. Errors name the field.
Result<Claim> CorrectField(Claim c, const std::string& field, const std::string& value);

// Fresh extractor claims for a document inherit the decisions taken on the claims they
// replace: a fresh claim with the same cue and sentence as an old one takes its status and
// note (when several old claims share them, the one with the same scope, category and
// subgroup). Old pending claims pass on nothing, so fresh claims start pending.
// Returns how many fresh claims inherited a decision.
int64_t CarryDecisions(const std::vector<Claim>& old_claims, std::vector<Claim>& fresh);

// True for claims the extractor made ("extractor/<version>"): the ones reextract replaces.
bool IsExtractorOrigin(std::string_view origin);

// The review statuses whose claims feed the ledger, map, risk and report: accepted ones, and
// pending ones too when asked (`--include-pending`).
std::vector<ReviewStatus> LedgerStatuses(bool include_pending);

// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcNow();

}  // namespace ftf
