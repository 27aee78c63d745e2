// The PostgreSQL back end is a module loaded at run time (libftfwatch_pg.so, built beside the
// binary from pg_store.cc) so that the commands that never touch PostgreSQL — extract, eval,
// everything on SQLite — do not load libpqxx, libpq and the Kerberos, LDAP and GnuTLS libraries
// behind it: about half the binary's start-up time (docs/benchmarks.md). The public functions
// of pg_store.h load it on first use.
#pragma once

#include <memory>
#include <string>

#include "ftfwatch/status.h"
#include "store/store.h"

namespace ftf {

// The module's entry points. The module and the binary are built together by the same compiler,
// so C++ types cross the boundary; the table's version guards against a stale module.
struct PgModuleApi {
  int version;  // kPgModuleApiVersion of the module that filled it
  Result<std::unique_ptr<Store>> (*open_store)(const std::string& uri, bool* created);
  // A connection that reads the WAL position (PgWalPosition); closed by wal_close.
  Result<void*> (*wal_connect)(const std::string& uri);
  Result<std::string> (*wal_position)(void* connection);
  void (*wal_close)(void* connection);
};
inline constexpr int kPgModuleApiVersion = 1;

// The name of the module's one exported symbol: `const PgModuleApi* ftf_pg_module_api()`.
inline constexpr const char kPgModuleEntry[] = "ftf_pg_module_api";

// Loads the module once (thread-safe) and returns its entry points. Looked for in order:
// $FTFWATCH_PG_MODULE, beside the running executable, then where the build put it.
// FailedPrecondition naming the paths tried when it cannot be loaded.
Result<const PgModuleApi*> LoadPgModule();

}  // namespace ftf
