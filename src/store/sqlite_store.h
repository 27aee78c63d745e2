// SqliteStore: the embedded default Store, one SQLite file in WAL mode with foreign keys on.
// See store.h for the contract and docs/store.md for the schema and its migrations.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

struct sqlite3;

namespace ftf {

// The schema version this program writes. A database with a higher version was made by a
// newer ftfwatch and is refused rather than risked.
inline constexpr int kSqliteSchemaVersion = 4;

// The SQL that takes a database from schema version `from` to `from` + 1 (0 <= from <
// kSqliteSchemaVersion), for tests that build a database of an older version.
const char* SqliteMigrationSql(int from);

class SqliteStore final : public Store {
 public:
  // Opens (creating if needed) and migrates. `created` is set when the file was new.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, bool read_only, bool* created);
  ~SqliteStore() override;

  int SchemaVersion() const override { return schema_version_; }
  std::string Location() const override { return path_; }
  Result<ImportStats> Import(const ImportBatch& batch) override;
  Result<std::vector<Source>> ListSources() const override;
  Result<std::optional<Source>> FindSource(const std::string& id) const override;
  Result<std::vector<Claim>> ListClaims(const ClaimFilter& filter) const override;
  Result<int64_t> CountClaims(const ClaimFilter& filter) const override;
  Result<std::vector<Document>> ListDocuments() const override;
  Result<std::optional<Document>> FindDocument(const std::string& sha256) const override;
  Result<ReviewStats> ApplyReview(const std::vector<ReviewDecision>& decisions, const std::string& actor,
                                  const std::string& at) override;
  Result<std::vector<ReviewLogEntry>> ListReviewLog() const override;
  Result<ReextractStats> ReplaceExtractorClaims(const std::string& document_sha256, std::vector<Claim> fresh) override;

 private:
  // Inserts one claim inside an open transaction; `added` is false when its fingerprint is stored.
  Status InsertClaim(const Claim& c, bool* added);
  SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Exec(const char* sql) const;
  Status Migrate();
  Status Error(const std::string& what) const;

  sqlite3* db_;
  std::string path_;
  int schema_version_ = 0;
};

}  // namespace ftf
