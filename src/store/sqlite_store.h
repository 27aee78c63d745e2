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
inline constexpr int kSqliteSchemaVersion = 2;

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

 private:
  SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Exec(const char* sql) const;
  Status Migrate();
  Status Error(const std::string& what) const;

  sqlite3* db_;
  std::string path_;
  int schema_version_ = 0;
};

}  // namespace ftf
