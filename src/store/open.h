// Opening the database: where it is, and creating and seeding it on first use.
#pragma once

#include <memory>
#include <string>

#include "ftfwatch/status.h"
#include "store/store.h"

namespace ftf {

// The database path: `flag` if non-empty (--db), else $FTFWATCH_DB, else the default
// $XDG_DATA_HOME/ftfwatch/ftfwatch.db (XDG_DATA_HOME defaults to ~/.local/share; without a
// home directory, ./ftfwatch.db).
std::string ResolveDatabasePath(const std::string& flag);

struct StoreOptions {
  std::string path;      // SQLite file, or a postgresql:// URI
  bool notices = true;   // print "created and seeded …" on stderr when a database is new
  bool seed = true;      // load the bundled baseline into a new database
  bool read_only = false;
};

// Opens the database at opts.path — an SQLite file, or PostgreSQL when it is a postgresql://
// URI — creating it (and its directory) if missing, running migrations up to the current
// schema and seeding the baseline into a new database.
// Errors: FailedPrecondition when the database was made by a newer ftfwatch; IOError when the
// file or directory cannot be created or written, or the server cannot be reached;
// Corruption when the file is not a database.
Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& opts);

}  // namespace ftf
