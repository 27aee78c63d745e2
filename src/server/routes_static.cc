// The dashboard: web/dist/ compiled into the binary (core/embedded_data.h), served at "/".
// Nothing is fetched from elsewhere at run time, and the Content-Security-Policy says so.
#include <string>
#include <string_view>

#include "core/embedded_data.h"
#include "server/http_errors.h"
#include "server/routes.h"

namespace ftf::server {
namespace {

const char* ContentType(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".yaml") || ends(".yml")) return "application/yaml; charset=utf-8";
  if (ends(".txt") || ends(".md")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

void ServeEmbedded(std::string_view file, httplib::Response& res) {
  std::string path = "web/dist/" + std::string(file);
  auto bytes = embedded::Find(path);
  if (!bytes) {
    SendError(res, 404, "not_found",
              file == "index.html" ? "the dashboard was not built into this binary (run npm run build in web/)"
                                   : "no such file: /" + std::string(file));
    return;
  }
  res.set_header("Content-Security-Policy", kCsp);
  res.set_header("Cache-Control", "no-cache");
  res.set_content(bytes->data(), bytes->size(), ContentType(path));
}

}  // namespace

void AddStaticRoutes(httplib::Server& http, ServerContext& /*ctx*/) {
  http.Get("/", [](const httplib::Request&, httplib::Response& res) { ServeEmbedded("index.html", res); });
  http.Get("/api/openapi.yaml",
           [](const httplib::Request&, httplib::Response& res) { ServeEmbedded("openapi.yaml", res); });
  // Assets: one path segment of safe characters (no "..", no subfolders).
  http.Get(R"(/([A-Za-z0-9_\-]+\.[A-Za-z0-9]+))", [](const httplib::Request& req, httplib::Response& res) {
    ServeEmbedded(req.matches[1].str(), res);
  });
}

}  // namespace ftf::server
