#include "ingest/reextract.h"

#include <fmt/format.h>

namespace ftf::ingest {

std::vector<Claim> ExtractStored(const extract::ClaimExtractor& ex, const Document& doc) {
  extract::ExtractOptions eo;
  eo.as_of = doc.date;
  eo.source_id = doc.source_id;
  eo.document_sha256 = doc.sha256;
  std::vector<Claim> claims = ex.Extract(doc.text, eo).claims;
  for (Claim& c : claims) c.review = ReviewStatus::kPending;
  return claims;
}

Result<ReextractTotals> ReextractAll(Store& store, const extract::ClaimExtractor& ex,
                                     const std::function<void(const ReextractTotals&)>& progress) {
  ReextractTotals totals;
  FTF_ASSIGN_OR_RETURN(std::vector<Document> docs, store.ListDocuments());
  for (const Document& d : docs) {
    auto st = store.ReplaceExtractorClaims(d.sha256, ExtractStored(ex, d));
    if (!st.ok()) return st.status().WithContext(fmt::format("document {}", d.sha256.substr(0, 12)));
    ++totals.documents;
    totals.claims_removed += st->claims_removed;
    totals.claims_added += st->claims_added;
    totals.decisions_kept += st->decisions_kept;
    if (progress) progress(totals);
  }
  return totals;
}

}  // namespace ftf::ingest
