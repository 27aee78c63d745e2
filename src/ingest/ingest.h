// Ingesting one document: what `ftfwatch ingest` and POST /api/ingest store for a text.
// The ingest stage sits above extract and store and joins them; extract knows nothing of the
// store.
//
// The text is kept as valid UTF-8 (each invalid byte replaced by U+FFFD, so spans point into
// the stored text), keyed by its sha256; its source is created from a name when the store
// does not have it yet (an existing source is kept as it is); its claims come from the
// extractor with the document's date as their as_of, and enter review as pending.
#pragma once

#include <optional>
#include <string>

#include "extract/claim_extractor.h"
#include "store/store.h"

namespace ftf::ingest {

struct IngestRequest {
  std::string text;
  std::string date;         // publication date, ISO ("" = unknown)
  std::string source_name;  // "Voice of America" -> source id "voice-of-america"
  std::string title;
  SourceKind kind = SourceKind::kUnspecified;  // for a source created here
};

struct PreparedIngest {
  ImportBatch batch;  // the source (if new), the document, its claims: one Store::Import
  extract::Extraction extraction;
  std::string source_id;
  std::string document_sha256;
  std::optional<size_t> invalid_utf8_offset;  // first invalid byte of the original text
};

// Extracts and assembles the batch; nothing is stored. `store` is only read (does the source
// exist?).
PreparedIngest PrepareIngest(const extract::ClaimExtractor& ex, const Store& store, IngestRequest req);

// "Example News" -> "example-news"; an empty name -> "unspecified".
std::string SourceSlug(const std::string& name);

}  // namespace ftf::ingest
