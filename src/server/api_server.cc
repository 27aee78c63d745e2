#include "server/api_server.h"

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <cstdio>
#include <exception>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "server/http_errors.h"
#include "server/query.h"
#include "server/routes.h"
#include "store/open.h"

namespace ftf::server {

Result<std::string> ReadTokenFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(fmt::format("{}: cannot read the token file", path));
  std::string line;
  std::getline(in, line);
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!line.empty() && space(line.back())) line.pop_back();
  size_t start = 0;
  while (start < line.size() && space(line[start])) ++start;
  line.erase(0, start);
  if (line.empty()) return Status::InvalidArgument(fmt::format("{}: the token file is empty", path));
  if (line.size() < 16)
    return Status::InvalidArgument(fmt::format("{}: the token is shorter than 16 characters", path));
  return line;
}

CachedResponse JsonBody(const nlohmann::json& j) {
  // Stored texts may hold invalid UTF-8 (a document typed badly): replace, never throw.
  return CachedResponse{j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJsonType};
}

void ServeCached(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, const Renderer& render) {
  const uint64_t version = ctx.version.Current();
  const std::string key = CacheKey(req.path, req.params);
  std::shared_ptr<const CachedResponse> hit = ctx.cache.Get(key, version);
  if (!hit) {
    Result<CachedResponse> r = render();
    if (!r.ok()) return SendStatus(res, r.status());
    hit = std::make_shared<const CachedResponse>(std::move(r).value());
    ctx.cache.Put(key, version, hit);
  }
  res.set_content(hit->body, hit->content_type.c_str());
}

struct ApiServer::Impl {
  explicit Impl(ServerOptions o) : ctx(std::move(o)) {}
  ServerContext ctx;
  httplib::Server http;
  std::atomic<int> port{0};
  bool started = false;
  // Stop() may come before Run() has started listening (httplib's stop() is then a no-op):
  // these two flags close that race (see Run and Stop).
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> run_active{false};
  // The listening socket, seen in the socket-options hook (httplib does not expose it).
  std::atomic<int> listen_fd{-1};
};

namespace {
// Debian's compiled cpp-httplib listens with a backlog of 5: a burst of new connections (64
// clients connecting at once) overflows it, and the dropped SYNs come back after 1 s and 3 s,
// which shows up as second-long latency tails. listen() again on the bound socket raises it.
constexpr int kListenBacklog = 1024;
}  // namespace

ApiServer::ApiServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
ApiServer::~ApiServer() { Stop(); }

int ApiServer::port() const { return impl_->port.load(); }

void ApiServer::Stop() {
  if (!impl_) return;
  impl_->stop_requested.store(true);
  // A Run() in progress: wait until it listens (or gives up), then stop it.
  while (impl_->run_active.load() && !impl_->http.is_running())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  impl_->http.stop();
}

Status ApiServer::Start() {
  ServerContext& ctx = impl_->ctx;
  const ServerOptions& o = ctx.options;
  if (o.db_path.empty()) return Status::InvalidArgument("serve: no database path");
  {
    // Create, migrate and seed the database once, before any request thread opens it.
    StoreOptions so;
    so.path = o.db_path;
    so.notices = false;
    FTF_ASSIGN_OR_RETURN(auto store, OpenStore(so));
  }
  httplib::Server& http = impl_->http;
  const size_t threads = o.threads ? o.threads : 128;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(o.max_body_bytes);
  http.set_read_timeout(o.read_timeout_s, 0);
  http.set_write_timeout(o.write_timeout_s, 0);
  http.set_keep_alive_timeout(o.keep_alive_timeout_s);
  http.set_keep_alive_max_count(100000);
  http.set_tcp_nodelay(true);
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which would let a second
  // server bind the same port silently and take half of the connections.
  http.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
    impl_->listen_fd.store(sock);
  });

  httplib::Headers headers = {{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}};
  if (!o.cors_origin.empty()) {
    headers.emplace("Access-Control-Allow-Origin", o.cors_origin);
    headers.emplace("Vary", "Origin");
  }
  http.set_default_headers(headers);

  // Every error answer is JSON: httplib's own (404 no route, 413 body too large, 400 bad
  // request line) get a body here; handlers that already wrote one keep theirs.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                 httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string message;
    switch (res.status) {
      case 404: message = fmt::format("no such endpoint: {} {} (see /api/openapi.yaml)", req.method, req.path); break;
      case 413: message = "request body too large"; break;
      case 414: message = "request URI too long"; break;
      default: message = fmt::format("HTTP error {}", res.status); break;
    }
    SendError(res, res.status, message);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unexpected error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    SendError(res, 500, "internal", "internal error: " + what);
  });
  if (o.log_requests) {
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%s %s %d %zu\n", req.method.c_str(), req.path.c_str(), res.status, res.body.size());
    });
  }

  AddCatalogRoutes(http, ctx);
  AddClaimsRoutes(http, ctx);
  AddAnalysisRoutes(http, ctx);
  AddWriteRoutes(http, ctx);
  AddReviewRoutes(http, ctx);
  AddStaticRoutes(http, ctx);

  int port = 0;
  if (o.port == 0) {
    port = http.bind_to_any_port(o.host);
    if (port < 0) port = 0;
  } else if (http.bind_to_port(o.host, o.port)) {
    port = o.port;
  }
  if (port <= 0) return Status::IOError(fmt::format("serve: cannot listen on {}:{}", o.host, o.port));
  if (int fd = impl_->listen_fd.load(); fd >= 0) ::listen(fd, kListenBacklog);
  impl_->port = port;
  impl_->started = true;
  return Status::OK();
}

Status ApiServer::Run() {
  if (!impl_->started) return Status::FailedPrecondition("serve: Run() before Start()");
  impl_->run_active.store(true);
  bool ok = impl_->stop_requested.load() || impl_->http.listen_after_bind();
  impl_->run_active.store(false);
  if (!ok) return Status::IOError("serve: the listening socket failed");
  return Status::OK();
}

}  // namespace ftf::server
