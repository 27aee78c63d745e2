// Whole-database export and import in ftfwatch's portable formats (docs/formats.md).
//
// JSON export (versioned): {"format": "ftfwatch-export", "version": 1, "sources": [...],
// "documents": [...], "claims": [...], "review_log": [...]}: everything, re-importable anywhere.
// CSV export: the claims CSV (claims only; their sources must exist where it is imported).
// Both are written in a canonical order, so export → import into a new database → export
// gives the same bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ftfwatch/status.h"
#include "store/store.h"

namespace ftf {

// Version 2 adds each claim's review status and the review log ("review_log"); version 1
// exports still import (their claims as accepted).
inline constexpr int kExportFormatVersion = 2;

Result<std::string> ExportJson(const Store& store);
Result<std::string> ExportClaimsCsv(const Store& store);

// One audit log entry as the export and `review --log --format json` write it: at, actor,
// action, claim (fingerprint), document, cue, sentence, reason, before, after (claim JSON).
nlohmann::json ReviewLogToJson(const ReviewLogEntry& e);

// What an import file holds, detected from its first bytes.
enum class ImportKind { kExportJson, kClaimsCsv, kSourcesCsv };
ImportKind DetectImportKind(std::string_view text);

// Parses and checks an import file completely; errors (at most `max_errors`, each
// "FILE:LINE: field: message") leave `batch` unusable. Claims' sources and documents must be
// in the file, in `earlier` (files read before it in the same import), or already in `store`.
struct ImportParse {
  ImportBatch batch;
  std::vector<std::string> errors;
  size_t error_count = 0;
};
ImportParse ParseImportFile(std::string_view text, const std::string& name, const Store& store,
                            size_t max_errors = 50, const ImportBatch* earlier = nullptr);

}  // namespace ftf
