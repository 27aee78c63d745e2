#include "store/open.h"

#include <cstdlib>

#include <fmt/format.h>

#include "store/baseline.h"
#include "store/layers.h"
#include "store/pg_store.h"
#include "store/sqlite_store.h"

namespace ftf {

std::string ResolveDatabasePath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("FTFWATCH_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/ftfwatch/ftfwatch.db";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/ftfwatch/ftfwatch.db";
  return "ftfwatch.db";
}

Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& opts) {
  bool created = false;
  std::unique_ptr<Store> store;
  if (IsPostgresUri(opts.path)) {
    FTF_ASSIGN_OR_RETURN(store, OpenPgStore(opts.path, &created));
  } else {
    FTF_ASSIGN_OR_RETURN(store, SqliteStore::Open(opts.path, opts.read_only, &created));
  }
  if (created && opts.seed) {
    FTF_ASSIGN_OR_RETURN(ImportStats stats, SeedBaseline(*store));
    FTF_ASSIGN_OR_RETURN(std::vector<std::string> names, LayersOnCreate());
    FTF_ASSIGN_OR_RETURN(ImportStats layers, LoadLayers(*store, names));
    stats.sources_added += layers.sources_added;
    stats.claims_added += layers.claims_added;
    std::string what = "the bundled baseline";
    for (const std::string& n : names) what += " and layer " + n;
    if (opts.notices)
      fmt::print(stderr, "ftfwatch: created {} and seeded it with {} ({} sources, {} claims)\n", store->Location(),
                 what, stats.sources_added, stats.claims_added);
  }
  return store;
}

}  // namespace ftf
