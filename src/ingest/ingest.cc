#include "ingest/ingest.h"

#include <cctype>

#include "core/utf8.h"
#include "extract/sha256.h"

namespace ftf::ingest {

std::string SourceSlug(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "unspecified" : out;
}

PreparedIngest PrepareIngest(const extract::ClaimExtractor& ex, const Store& store, IngestRequest req) {
  PreparedIngest out;
  out.invalid_utf8_offset = FindInvalidUtf8(req.text);
  if (out.invalid_utf8_offset) req.text = ReplaceInvalidUtf8(req.text);
  out.source_id = SourceSlug(req.source_name);
  auto existing = store.FindSource(out.source_id);
  if (!existing.ok() || !existing->has_value()) {
    Source src;
    src.id = out.source_id;
    src.publisher = req.source_name.empty() ? "unspecified" : req.source_name;
    src.kind = req.kind;
    src.published = req.date;
    out.batch.sources.push_back(std::move(src));
  }
  out.document_sha256 = extract::Sha256Hex(req.text);
  extract::ExtractOptions eo;
  eo.as_of = req.date;
  eo.source_id = out.source_id;
  eo.document_sha256 = out.document_sha256;
  out.extraction = ex.Extract(req.text, eo);
  out.extraction.invalid_utf8_offset = out.invalid_utf8_offset;
  Document doc;
  doc.sha256 = out.document_sha256;
  doc.source_id = out.source_id;
  doc.date = std::move(req.date);
  doc.title = std::move(req.title);
  doc.text = std::move(req.text);
  out.batch.documents.push_back(std::move(doc));
  out.batch.claims = out.extraction.claims;
  // No person has seen these yet: they wait for review before they reach the ledger.
  for (Claim& c : out.batch.claims) c.review = ReviewStatus::kPending;
  return out;
}

}  // namespace ftf::ingest
