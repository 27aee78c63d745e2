// Re-extraction: the current extractor over every stored document, so that improved rules
// reach the ledger (`ftfwatch reextract`).
//
// Each document is one transaction (Store::ReplaceExtractorClaims): its claims made by an
// earlier extractor are replaced by what the current one finds, each fresh claim carrying the
// current extractor version in its origin and inheriting the review decision taken on the
// claim with the same cue and sentence. Claims typed in, imported or made by review stay.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "extract/claim_extractor.h"
#include "ftfwatch/status.h"
#include "store/store.h"

namespace ftf::ingest {

struct ReextractTotals {
  int64_t documents = 0;
  int64_t claims_removed = 0, claims_added = 0, decisions_kept = 0;
};

// The fresh claims for one stored document, as ingest would make them today (pending).
std::vector<Claim> ExtractStored(const extract::ClaimExtractor& ex, const Document& doc);

// Runs over every stored document in the store's order. `progress` (may be empty) is called
// after each document. On an error the documents already done stay done (each was its own
// transaction) and the error names the document.
Result<ReextractTotals> ReextractAll(Store& store, const extract::ClaimExtractor& ex,
                                     const std::function<void(const ReextractTotals&)>& progress = {});

}  // namespace ftf::ingest
