// GET /api/countries, /api/regions, /api/sources, /api/health.
#include "report/catalog_json.h"
#include "server/http_errors.h"
#include "server/query.h"
#include "server/routes.h"

namespace ftf::server {

void AddCatalogRoutes(httplib::Server& http, ServerContext& ctx) {
  http.Get("/api/health", [&ctx](const httplib::Request& req, httplib::Response& res) {
    ServeCached(ctx, req, res, [&ctx]() -> Result<CachedResponse> {
      FTF_ASSIGN_OR_RETURN(auto store, ctx.pool.Acquire());
      return JsonBody({{"status", "ok"},
                       {"version", FTF_VERSION},
                       {"schema_version", store->SchemaVersion()},
                       {"read_only", ctx.options.token.empty()}});
    });
  });
  http.Get("/api/countries", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (Status st = CheckAllowed(req.params, {}); !st.ok()) return SendStatus(res, st);
    ServeCached(ctx, req, res, []() -> Result<CachedResponse> {
      nlohmann::json arr = nlohmann::json::array();
      for (const Country& c : Gazetteer::Bundled().countries()) arr.push_back(CountryJson(c));
      return JsonBody(arr);
    });
  });
  http.Get("/api/regions", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (Status st = CheckAllowed(req.params, {}); !st.ok()) return SendStatus(res, st);
    ServeCached(ctx, req, res, []() -> Result<CachedResponse> {
      nlohmann::json arr = nlohmann::json::array();
      for (const Region& r : Gazetteer::Bundled().regions()) arr.push_back(RegionJson(r));
      return JsonBody(arr);
    });
  });
  http.Get("/api/sources", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (Status st = CheckAllowed(req.params, {}); !st.ok()) return SendStatus(res, st);
    ServeCached(ctx, req, res, [&ctx]() -> Result<CachedResponse> {
      FTF_ASSIGN_OR_RETURN(auto store, ctx.pool.Acquire());
      FTF_ASSIGN_OR_RETURN(nlohmann::json arr, SourcesJson(*store));
      return JsonBody(arr);
    });
  });
}

}  // namespace ftf::server
