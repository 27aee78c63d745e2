#include "store/pg_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <vector>

#include <fmt/format.h>

#include "store/pg_store.h"

namespace ftf {
namespace {

std::vector<std::string> CandidatePaths() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("FTFWATCH_PG_MODULE"); env && *env) paths.push_back(env);
  std::string exe(4096, '\0');
  ssize_t n = readlink("/proc/self/exe", exe.data(), exe.size());
  if (n > 0) {
    exe.resize(static_cast<size_t>(n));
    paths.push_back(exe.substr(0, exe.rfind('/') + 1) + "libftfwatch_pg.so");
  }
#ifdef FTF_PG_MODULE_PATH
  paths.push_back(FTF_PG_MODULE_PATH);
#endif
  return paths;
}

Result<const PgModuleApi*> Load() {
  std::string tried;
  for (const std::string& path : CandidatePaths()) {
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      tried += fmt::format("\n  {}: {}", path, dlerror());
      continue;
    }
    // Kept loaded for the life of the process: stores and connections it made may outlive us.
    auto entry = reinterpret_cast<const PgModuleApi* (*)()>(dlsym(handle, kPgModuleEntry));
    const PgModuleApi* api = entry ? entry() : nullptr;
    if (!api || api->version != kPgModuleApiVersion) {
      tried += fmt::format("\n  {}: not a module of this build (no {} of version {})", path, kPgModuleEntry,
                           kPgModuleApiVersion);
      continue;
    }
    return api;
  }
  return Status::FailedPrecondition("cannot load the PostgreSQL module libftfwatch_pg.so (set FTFWATCH_PG_MODULE):" +
                                    tried);
}

}  // namespace

Result<const PgModuleApi*> LoadPgModule() {
  static const Result<const PgModuleApi*> api = Load();
  return api;
}

bool IsPostgresUri(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Store>> OpenPgStore(const std::string& uri, bool* created) {
  FTF_ASSIGN_OR_RETURN(const PgModuleApi* api, LoadPgModule());
  return api->open_store(uri, created);
}

struct PgWalPosition::Conn {
  Conn(const PgModuleApi* a, void* c) : api(a), connection(c) {}
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;
  ~Conn() { api->wal_close(connection); }
  const PgModuleApi* api;
  void* connection;  // owned
};

PgWalPosition::PgWalPosition(std::string uri) : uri_(std::move(uri)) {}
PgWalPosition::~PgWalPosition() = default;

Result<std::string> PgWalPosition::Current() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (!conn_) {
    FTF_ASSIGN_OR_RETURN(const PgModuleApi* api, LoadPgModule());
    FTF_ASSIGN_OR_RETURN(void* connection, api->wal_connect(uri_));
    conn_ = std::make_unique<Conn>(api, connection);
  }
  Result<std::string> pos = conn_->api->wal_position(conn_->connection);
  if (!pos.ok()) conn_.reset();  // reconnect on the next call
  return pos;
}

}  // namespace ftf
