// ApiServer: ftfwatch's HTTP JSON API and dashboard (`ftfwatch serve`, docs/api.md).
//
// Thin handlers: each parses its query or body, calls a stage (store, fuse, risk, extract,
// severity) and formats the answer with the same JSON helpers the CLI uses. Read endpoints are
// cached per database version (response_cache.h). Writes need the bearer token given at
// start-up; without one the server is read-only.
//
// Defaults are chosen to be safe on a laptop: loopback only, no CORS header, request bodies
// up to 2 MB, 10-second read/write timeouts. Start() binds (so the port is known and clients
// may connect at once) and Run() serves until Stop() is called from another thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "ftfwatch/status.h"

namespace ftf::server {

struct ServerOptions {
  std::string host = "127.0.0.1";  // bind address; anything else exposes the API
  int port = 8080;                 // 0 = any free port (see ApiServer::port())
  std::string db_path;             // the SQLite database (created and seeded if new)
  std::string token;               // bearer token for POST /api/ingest; empty = read-only
  std::string token_name = "api";  // who review decisions made with the token are logged as
  std::string cors_origin;         // sent as Access-Control-Allow-Origin when set; none by default
  size_t max_body_bytes = 2u << 20;  // larger request bodies get 413
  int read_timeout_s = 10;           // per read of a request (headers or body)
  int write_timeout_s = 10;          // per write of a response
  int keep_alive_timeout_s = 5;      // idle keep-alive connections are closed after this
  size_t threads = 0;  // worker threads; 0 = 128 (each open keep-alive connection holds one)
  size_t cache_bytes = 64u << 20;  // rendered-response cache bound
  bool log_requests = false;       // one line per request on stderr
};

// Reads a token file: the first line, without surrounding whitespace. InvalidArgument when
// the token is empty or shorter than 16 characters; IOError when the file cannot be read.
Result<std::string> ReadTokenFile(const std::string& path);

class ApiServer {
 public:
  explicit ApiServer(ServerOptions options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Opens (creating and seeding) the database and binds the socket. After OK, port() is the
  // bound port. IOError when the address cannot be bound.
  Status Start();
  // Serves until Stop(). Precondition: Start() returned OK.
  Status Run();
  // Stops Run() (thread-safe; may be called before Run starts).
  void Stop();

  int port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ftf::server
