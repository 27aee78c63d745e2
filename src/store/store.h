// Store: where sources, documents and claims live. An interface because two back ends exist
// in the design (embedded SQLite first; PostgreSQL for teams).
//
// Contract for every implementation:
// - Import() is one transaction: everything in the batch is stored, or nothing is, and the
//   store is exactly as before on failure.
// - Claims are de-duplicated by ClaimFingerprint: importing the same claim twice stores it
//   once, so re-importing an export or re-ingesting a document adds nothing. A claim's figure
//   is never edited in place: review changes only its status (a correction is a new claim),
//   and ReplaceExtractorClaims is the one way claims leave the store.
// - Every review decision is written to the audit log in the same transaction as the change.
// - Documents are keyed by the sha256 of their text.
// A Store object is used from one thread at a time; open one per thread to share a database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ftfwatch/claim.h"
#include "ftfwatch/status.h"
#include "store/review.h"

namespace ftf {

// Who published a figure; the kind weighs it in fusion (docs/fusion.md).
enum class SourceKind { kGovernment, kIntergovernmental, kThinkTank, kAcademic, kNews, kUnspecified };
std::string_view Name(SourceKind k);
std::optional<SourceKind> ParseSourceKind(std::string_view s);

struct Source {
  std::string id;  // short key: "soufan2017"
  std::string publisher, title, authors;
  std::string published;  // ISO date (or YYYY-MM)
  std::string url;
  SourceKind kind = SourceKind::kUnspecified;
  std::string terms, notes;
  bool operator==(const Source&) const = default;
};

struct Document {
  std::string sha256;  // of `text`, hex: the key
  std::string source_id;
  std::string date;  // publication date, ISO
  std::string lang = "en";
  std::string title;
  std::string text;  // kept whole for provenance
  bool operator==(const Document&) const = default;
};

struct ClaimFilter {
  std::vector<std::string> scopes;  // canonical scopes; empty = all
  std::optional<Category> category;
  std::optional<Subgroup> subgroup;
  std::optional<Unit> unit;
  std::optional<std::string> source_id;
  std::optional<std::string> document_sha256;
  std::optional<std::string> as_of_max;  // only claims published/as of on or before this date
  std::vector<ReviewStatus> review;      // only these review statuses; empty = every status
  std::vector<int64_t> ids;              // only these claim ids; empty = all
  std::optional<std::string> rule;       // only claims made by this extractor rule
  int64_t limit = -1;                    // -1 = no limit
  int64_t offset = 0;
};

struct ImportBatch {
  std::vector<Source> sources;
  std::vector<Document> documents;
  std::vector<Claim> claims;
  std::vector<ReviewLogEntry> review_log;  // decisions carried by an export
};

struct ImportStats {
  int64_t sources_added = 0;
  int64_t documents_added = 0;
  int64_t claims_added = 0;
  int64_t claims_skipped = 0;  // already stored (same fingerprint)
};

struct ReviewStats {
  int64_t decided = 0;            // claims whose status changed
  int64_t corrections_added = 0;  // new claims made by corrections
};

struct ReextractStats {
  int64_t claims_removed = 0;  // the document's previous extractor claims
  int64_t claims_added = 0;    // fresh claims stored (a fresh claim equal to a kept one is not)
  int64_t decisions_kept = 0;  // fresh claims that inherited a review decision
};

class Store {
 public:
  virtual ~Store() = default;

  // The schema version of the open database (see docs/store.md for migrations).
  virtual int SchemaVersion() const = 0;
  // Where the data lives, for messages: a file path or a connection name.
  virtual std::string Location() const = 0;

  // All-or-nothing; see the contract above. Every claim's source must be in the batch or
  // already stored; every claim's document likewise (when it names one).
  virtual Result<ImportStats> Import(const ImportBatch& batch) = 0;

  virtual Result<std::vector<Source>> ListSources() const = 0;
  virtual Result<std::optional<Source>> FindSource(const std::string& id) const = 0;
  // Claims in a stable order (scope, category, subgroup, unit, as_of, source, id).
  virtual Result<std::vector<Claim>> ListClaims(const ClaimFilter& filter) const = 0;
  virtual Result<int64_t> CountClaims(const ClaimFilter& filter) const = 0;
  virtual Result<std::vector<Document>> ListDocuments() const = 0;
  virtual Result<std::optional<Document>> FindDocument(const std::string& sha256) const = 0;

  // Review decisions, all-or-nothing: each is checked by PlanReview against the claim as
  // stored; the first that fails rolls back every one (the message names the claim). Each
  // decision is logged with `actor` and `at` (UtcNow() when empty).
  virtual Result<ReviewStats> ApplyReview(const std::vector<ReviewDecision>& decisions, const std::string& actor,
                                          const std::string& at) = 0;
  // The audit log, oldest first.
  virtual Result<std::vector<ReviewLogEntry>> ListReviewLog() const = 0;

  // In one transaction: removes the document's claims whose origin starts with "extractor/"
  // and stores `fresh` in their place, each inheriting the review decision of the claim it
  // replaces (CarryDecisions). Claims typed in, imported or made by review are untouched.
  // NotFound when the document is not stored.
  virtual Result<ReextractStats> ReplaceExtractorClaims(const std::string& document_sha256,
                                                        std::vector<Claim> fresh) = 0;
};

}  // namespace ftf
