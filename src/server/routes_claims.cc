// GET /api/ledger and /api/claims: the CLI's `ledger` and `claims` over HTTP, same filters.
#include <map>

#include "claims/claim_csv.h"
#include "claims/claim_json.h"
#include "fuse/ledger.h"
#include "report/ledger_view.h"
#include "server/http_errors.h"
#include "server/query.h"
#include "server/routes.h"

namespace ftf::server {
namespace {

Result<bool> WantCsv(const Params& params) {
  std::string f = Param(params, "format");
  if (f.empty() || f == "json") return false;
  if (f == "csv") return true;
  return Status::InvalidArgument("format: unknown format '" + f + "' (json or csv)");
}

// method=fused (default, as `ftfwatch ledger`) or method=raw (latest authoritative claim per
// key, as `ftfwatch ledger --raw`).
Result<CachedResponse> RenderLedger(ServerContext& ctx, const Params& params) {
  FTF_ASSIGN_OR_RETURN(ClaimFilter filter, ClaimFilterFromQuery(params));
  FTF_ASSIGN_OR_RETURN(bool csv, WantCsv(params));
  std::string method = Param(params, "method");
  if (method.empty() || method == "fused") return RenderFusedLedger(ctx, params, csv);
  if (method != "raw" && method != "latest-authoritative")
    return Status::InvalidArgument("method: unknown method '" + method + "' (fused or raw)");
  FTF_ASSIGN_OR_RETURN(bool include_pending, IncludePendingFromQuery(params));
  filter.review = LedgerStatuses(include_pending);
  FTF_ASSIGN_OR_RETURN(auto store, ctx.pool.Acquire());
  FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims, store->ListClaims(filter));
  FTF_ASSIGN_OR_RETURN(std::vector<Source> sources, store->ListSources());
  std::map<std::string, Source> by_id;
  for (auto& s : sources) by_id.emplace(s.id, s);
  std::vector<LedgerEntry> entries = LatestAuthoritative(claims, by_id);
  if (csv) return CachedResponse{LedgerLongTable(entries).RenderCsv(), kCsvType};
  return JsonBody(LedgerJson(entries));
}

Result<CachedResponse> RenderClaims(ServerContext& ctx, const Params& params) {
  FTF_ASSIGN_OR_RETURN(ClaimFilter filter, ClaimFilterFromQuery(params));
  FTF_ASSIGN_OR_RETURN(Paging paging, PagingFromQuery(params));
  FTF_ASSIGN_OR_RETURN(bool csv, WantCsv(params));
  FTF_ASSIGN_OR_RETURN(auto store, ctx.pool.Acquire());
  if (filter.source_id) {
    FTF_ASSIGN_OR_RETURN(auto src, store->FindSource(*filter.source_id));
    if (!src) return Status::NotFound("source: no source with id '" + *filter.source_id + "' (see /api/sources)");
  }
  FTF_ASSIGN_OR_RETURN(int64_t total, store->CountClaims(filter));
  filter.limit = paging.pagesize;
  filter.offset = (paging.page - 1) * paging.pagesize;
  FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims, store->ListClaims(filter));
  if (csv) return CachedResponse{WriteClaimsCsv(claims), kCsvType};
  nlohmann::json arr = nlohmann::json::array();
  for (const Claim& c : claims) arr.push_back(ClaimToJson(c));
  bool more = paging.page * paging.pagesize < total;
  return JsonBody({{"total_count", total},
                   {"page", paging.page},
                   {"pagesize", paging.pagesize},
                   {"next_page", more ? nlohmann::json(paging.page + 1) : nlohmann::json(nullptr)},
                   {"claims", std::move(arr)}});
}

}  // namespace

void AddClaimsRoutes(httplib::Server& http, ServerContext& ctx) {
  http.Get("/api/ledger", [&ctx](const httplib::Request& req, httplib::Response& res) {
    Status st = CheckAllowed(req.params, {"country", "region", "category", "subgroup", "unit", "as_of", "format",
                                          "method", "include_pending"});
    if (!st.ok()) return SendStatus(res, st);
    ServeCached(ctx, req, res, [&ctx, &req] { return RenderLedger(ctx, req.params); });
  });
  http.Get("/api/claims", [&ctx](const httplib::Request& req, httplib::Response& res) {
    Status st = CheckAllowed(req.params, {"country", "region", "category", "subgroup", "unit", "as_of", "source",
                                          "document", "page", "pagesize", "format"});
    if (!st.ok()) return SendStatus(res, st);
    ServeCached(ctx, req, res, [&ctx, &req] { return RenderClaims(ctx, req.params); });
  });
}

}  // namespace ftf::server
