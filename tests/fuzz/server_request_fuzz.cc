// Fuzz target: the HTTP server's request handling, in process (ApiServer::HandleBytes: no
// socket). The input is raw HTTP/1.1 bytes (request line with path and query string,
// headers, body; several pipelined requests allowed) sent to a read-only server over the
// bundled baseline database. Properties: no crash, leak or hang; every answer is HTTP/1.1 and
// no request gets a 500 (a 5xx here is a bug: the database is healthy).
#include <stdlib.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "fuzz_target.h"
#include "server/api_server.h"

namespace {
std::unique_ptr<ftf::server::ApiServer> MakeServer() {
  char dir[] = "/tmp/ftf-fuzz-server-XXXXXX";
  FTF_FUZZ_CHECK(mkdtemp(dir) != nullptr);
  ftf::server::ServerOptions o;
  o.db_path = std::string(dir) + "/fuzz.db";
  o.max_body_bytes = 64 << 10;
  o.cache_bytes = 8u << 20;
  auto srv = std::make_unique<ftf::server::ApiServer>(o);
  FTF_FUZZ_CHECK(srv->Prepare().ok());
  return srv;
}
}  // namespace

FTF_FUZZ_TARGET(server_request) {
  static const std::unique_ptr<ftf::server::ApiServer> server = MakeServer();
  const std::string out = server->HandleBytes(data);
  // The first answer's status line (later ones are hard to find: bodies may hold anything).
  if (out.empty()) return;  // e.g. the connection closed before a request line
  FTF_FUZZ_CHECK(out.rfind("HTTP/1.1 ", 0) == 0 && out.size() > 12);
  FTF_FUZZ_CHECK(out[9] != '5');
}
