// The review queue: which claims a review command acts on, and a correction built from field
// changes. Shared by `ftfwatch review` and the API's /api/review endpoints, so both select the
// same claims and give the same errors.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ftfwatch/status.h"
#include "store/store.h"

namespace ftf {

// Either explicit claim ids, or a bulk selection of the *pending* claims of one document,
// source or extractor rule (several given: claims matching all of them).
struct ReviewSelection {
  std::vector<int64_t> ids;
  std::string document;  // a document's sha256 (a unique prefix of at least 8 characters is enough)
  std::string source;    // a source id
  std::string rule;      // an extractor rule
};

// The claims selected. InvalidArgument when nothing selects (no ids and no bulk field);
// NotFound for an id, document or source that is not stored. A bulk selection may be empty.
Result<std::vector<Claim>> SelectForReview(const Store& store, const ReviewSelection& sel);

// The review queue: every pending claim, or those of sel.document/source/rule (ids ignored).
Result<std::vector<Claim>> PendingClaims(const Store& store, const ReviewSelection& sel);

// Accept or reject decisions for every selected claim.
std::vector<ReviewDecision> BulkDecisions(const std::vector<Claim>& claims, ReviewAction action,
                                          const std::string& reason);

// A correction of claim `id`: its stored fields with `changes` (field, value) applied by
// CorrectField. Errors name the field.
Result<ReviewDecision> CorrectionDecision(const Store& store, int64_t id,
                                          const std::vector<std::pair<std::string, std::string>>& changes,
                                          const std::string& reason);

// "field=value" -> (field, value). InvalidArgument without "=".
Result<std::pair<std::string, std::string>> ParseFieldAssignment(const std::string& text);

}  // namespace ftf
