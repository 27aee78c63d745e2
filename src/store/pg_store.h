// PgStore: the Store for teams, on a shared PostgreSQL database (libpqxx).
//
// Selected with a connection URI as the database: `--db postgresql://user@host/dbname` (or
// FTFWATCH_DB). Same contract and schema version as SqliteStore (store.h): imports are one
// transaction; claims are de-duplicated by fingerprint. The schema lives in the tables named
// in docs/store.md; the version is kept in `ftfwatch_schema`.
//
// PgStore lives in a module loaded on first use (pg_module.h): OpenPgStore and
// PgWalPosition::Current return FailedPrecondition when it cannot be loaded.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/store.h"

namespace ftf {

inline constexpr int kPgSchemaVersion = 4;

// True when `location` is a PostgreSQL connection URI rather than a file path.
bool IsPostgresUri(const std::string& location);

// Where the server's write-ahead log has got to (pg_current_wal_lsn()): it moves with every
// commit that wrote something, by any client, so an answer read from the database is current
// while the position is unchanged (the API server's response cache, src/server). Keeps one
// connection and reconnects after a failure (a restarted server). Thread-safe.
class PgWalPosition {
 public:
  explicit PgWalPosition(std::string uri);
  ~PgWalPosition();
  // An opaque text such as "0/1A2B3C4"; IOError when the server cannot be asked.
  Result<std::string> Current() const;

 private:
  struct Conn;
  std::string uri_;
  mutable std::mutex mu_;
  mutable std::unique_ptr<Conn> conn_;
};

// Connects, creates or migrates the schema. `created` is set when the schema was new.
// Errors: IOError when the server cannot be reached; FailedPrecondition for a newer schema.
Result<std::unique_ptr<Store>> OpenPgStore(const std::string& uri, bool* created);

}  // namespace ftf
