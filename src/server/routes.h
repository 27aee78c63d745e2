// Internal to src/server: what the route files share. Each routes_<resource>.cc registers the
// handlers for one resource family; api_server.cc calls every Add*Routes in turn.
#pragma once

#include <functional>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "ftfwatch/status.h"
#include "server/api_server.h"
#include "server/fused_cache.h"
#include "server/response_cache.h"
#include "server/store_pool.h"

namespace ftf::server {

struct ServerContext {
  ServerOptions options;
  StorePool pool;
  ResponseCache cache;
  DataVersion version;
  FusedCache fused;

  explicit ServerContext(ServerOptions o)
      : options(std::move(o)), pool(options.db_path), cache(options.cache_bytes), version(options.db_path) {}
};

// Renders a body (JSON unless the content type says otherwise) or fails with a Status.
using Renderer = std::function<Result<CachedResponse>()>;

inline constexpr const char* kJsonType = "application/json; charset=utf-8";
inline constexpr const char* kCsvType = "text/csv; charset=utf-8";

// Serves the cached body for this request's path and query at the current database version,
// rendering (and caching) it first when needed. A failed render is answered as a JSON error
// and not cached.
void ServeCached(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, const Renderer& render);

// Wraps a JSON value as a response body.
CachedResponse JsonBody(const nlohmann::json& j);

// The fused ledger (`ftfwatch ledger --format json`): EstimateJson per matching estimate;
// with `csv`, the long ledger table of the same estimates.
Result<CachedResponse> RenderFusedLedger(ServerContext& ctx, const std::multimap<std::string, std::string>& params,
                                         bool csv);

// Answers 401/403 and returns false unless the request carries the server's token.
bool Authorized(const ServerContext& ctx, const httplib::Request& req, httplib::Response& res);

void AddCatalogRoutes(httplib::Server& http, ServerContext& ctx);   // countries, regions, sources
void AddClaimsRoutes(httplib::Server& http, ServerContext& ctx);    // ledger, claims
void AddAnalysisRoutes(httplib::Server& http, ServerContext& ctx);  // estimates, conflicts, risk
void AddWriteRoutes(httplib::Server& http, ServerContext& ctx);     // extract, ingest, severity
void AddStaticRoutes(httplib::Server& http, ServerContext& ctx);    // the dashboard
void AddReviewRoutes(httplib::Server& http, ServerContext& ctx);    // the review queue and its log

}  // namespace ftf::server
