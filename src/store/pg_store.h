// PgStore: the Store for teams, on a shared PostgreSQL database (libpqxx).
//
// Selected with a connection URI as the database: `--db postgresql://user@host/dbname` (or
// FTFWATCH_DB). Same contract and schema version as SqliteStore (store.h): imports are one
// transaction; claims are de-duplicated by fingerprint. The schema lives in the tables named
// in docs/store.md; the version is kept in `ftfwatch_schema`.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace ftf {

inline constexpr int kPgSchemaVersion = 3;

// True when `location` is a PostgreSQL connection URI rather than a file path.
bool IsPostgresUri(const std::string& location);

// Connects, creates or migrates the schema. `created` is set when the schema was new.
// Errors: IOError when the server cannot be reached; FailedPrecondition for a newer schema.
Result<std::unique_ptr<Store>> OpenPgStore(const std::string& uri, bool* created);

}  // namespace ftf
