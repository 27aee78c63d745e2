// ftfwatch serve: the JSON API and the dashboard over HTTP (docs/api.md, docs/dashboard.md).
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <thread>

#include <fmt/format.h>

#include "cli/command.h"
#include "server/api_server.h"
#include "store/open.h"

namespace ftf::cli {
namespace {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token_file;
  std::string token_name;
  std::string cors_origin;
  size_t threads = 0;
  size_t max_body_kb = 2048;
  bool log = false;
};

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

Status RunServe(const ServeOptions& o, const Context& ctx) {
  server::ServerOptions so;
  so.host = o.host;
  so.port = o.port;
  so.db_path = ResolveDatabasePath(ctx.global.db_path);
  so.cors_origin = o.cors_origin;
  so.threads = o.threads;
  so.max_body_bytes = o.max_body_kb * 1024;
  so.log_requests = o.log;
  if (!o.token_file.empty()) {
    FTF_ASSIGN_OR_RETURN(so.token, server::ReadTokenFile(o.token_file));
  }
  if (!o.token_name.empty()) so.token_name = o.token_name;
  // SIGINT/SIGTERM are handled by a waiting thread (not in a signal handler): block them here,
  // before the server's threads start and inherit the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server::ApiServer srv(so);
  FTF_RETURN_IF_ERROR(srv.Start());
  if (!ctx.global.quiet) {
    if (!IsLoopback(o.host))
      fmt::print(stderr, "ftfwatch: warning: listening on {}, not loopback: the API is reachable from other "
                         "machines\n", o.host);
    fmt::print(stderr, "ftfwatch: database {}; {}\n", so.db_path,
               so.token.empty() ? "read-only (no --token-file)" : "POST /api/ingest needs the bearer token");
  }
  // The address on stdout, flushed, so scripts started with --port 0 can read the port.
  std::string shown_host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
  fmt::print("ftfwatch: serving http://{}:{}/ (Ctrl-C to stop)\n", shown_host, srv.port());
  std::fflush(stdout);

  std::thread waiter([&srv, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    srv.Stop();
  });
  Status st = srv.Run();
  pthread_kill(waiter.native_handle(), SIGTERM);  // release the waiter if Run ended on its own
  waiter.join();
  if (!ctx.global.quiet) fmt::print(stderr, "ftfwatch: stopped\n");
  return st;
}

void Setup(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "JSON API and dashboard over HTTP (world map, country pages, claims)");
  cmd->add_option("--host", o->host, "Address to bind (loopback unless told otherwise)")->capture_default_str();
  cmd->add_option("--port", o->port, "Port (0 = any free port; the address is printed)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--token-file", o->token_file,
                  "File whose first line is the bearer token for POST /api/ingest (without it: read-only)");
  cmd->add_option("--token-name", o->token_name,
                  "Whose token it is: review decisions made with it are logged under this name (default: api)");
  cmd->add_option("--cors-origin", o->cors_origin, "Send Access-Control-Allow-Origin for this origin (none by default)");
  cmd->add_option("--threads", o->threads, "Worker threads (default 128; each open connection holds one)");
  cmd->add_option("--max-body-kb", o->max_body_kb, "Largest request body accepted, in KiB")->capture_default_str();
  cmd->add_flag("--log", o->log, "Log one line per request on stderr");
  cmd->callback([o, &ctx] { ctx.exit_code = Report(RunServe(*o, ctx)); });
}

FTF_REGISTER_COMMAND(60, Setup);

}  // namespace
}  // namespace ftf::cli
