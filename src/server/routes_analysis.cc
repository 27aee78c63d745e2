// GET /api/estimates/{scope}/{category}, /api/conflicts, /api/risk: fused estimates and what
// is derived from them, with the JSON helpers the CLI uses (report/fusion_view.h,
// report/risk_view.h), so `ftfwatch explain|conflicts|risk --format json` and the API agree.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "claims/claim_json.h"
#include "fuse/explain.h"
#include "geo/gazetteer.h"
#include "report/fusion_view.h"
#include "report/ledger_view.h"
#include "report/risk_view.h"
#include "server/http_errors.h"
#include "server/query.h"
#include "server/routes.h"

namespace ftf::server {
namespace {

Result<std::shared_ptr<const FusedSnapshot>> Snapshot(ServerContext& ctx, const Params& params) {
  std::string as_of = Param(params, "as_of");
  if (!as_of.empty()) {
    // Validated like the other filters ("as_of: not a date").
    FTF_ASSIGN_OR_RETURN(ClaimFilter f, ClaimFilterFromQuery({{"as_of", as_of}}));
    (void)f;
  }
  FTF_ASSIGN_OR_RETURN(bool include_pending, IncludePendingFromQuery(params));
  return ctx.fused.Get(ctx.pool, ctx.version.Current(), as_of, include_pending);
}

bool InScopes(const std::vector<std::string>& scopes, const std::string& scope) {
  return scopes.empty() || std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

Result<CachedResponse> RenderEstimate(ServerContext& ctx, const httplib::Request& req) {
  const Gazetteer& geo = Gazetteer::Bundled();
  auto scope = geo.ResolveScope(req.matches[1].str());
  if (!scope.ok()) return Status::NotFound("scope: " + scope.status().message());
  LedgerKey key;
  key.scope = *scope;
  auto cat = ParseCategory(req.matches[2].str());
  if (!cat) return Status::NotFound(fmt::format("category: unknown category '{}'", req.matches[2].str()));
  key.category = *cat;
  if (std::string s = Param(req.params, "subgroup"); !s.empty()) {
    auto sub = ParseSubgroup(s);
    if (!sub) return Status::InvalidArgument(fmt::format("subgroup: unknown subgroup '{}' (all, men, women, minors)", s));
    key.subgroup = *sub;
  }
  if (std::string u = Param(req.params, "unit"); !u.empty()) {
    auto unit = ParseUnit(u);
    if (!unit) return Status::InvalidArgument(fmt::format("unit: unknown unit '{}' (persons, countries, share)", u));
    key.unit = *unit;
  }
  FTF_ASSIGN_OR_RETURN(auto snap, Snapshot(ctx, req.params));
  const Estimate* e = snap->result.Find(key);
  if (!e)
    return Status::NotFound(fmt::format("no estimate for {} {} ({}, {})", key.scope, Name(key.category),
                                        Name(key.subgroup), Name(key.unit)));
  FTF_ASSIGN_OR_RETURN(std::vector<ExplainStep> steps, Explain(snap->result, key, snap->config));
  // ExplainJson: the estimate's fields, its evidence and the steps (as `ftfwatch explain
  // --format json`), plus the claims behind it in full, with their sentences.
  nlohmann::json j = ExplainJson(*e, steps);
  std::set<int64_t> ids;
  for (const Evidence& ev : e->evidence) ids.insert(ev.claim_id);
  nlohmann::json claims = nlohmann::json::array();
  for (const Claim& c : snap->claims)
    if (ids.count(c.id)) claims.push_back(ClaimToJson(c));
  j["claim_details"] = std::move(claims);
  j["explanation"] = ExplainText(steps);
  return JsonBody(j);
}

Result<CachedResponse> RenderConflicts(ServerContext& ctx, const Params& params) {
  FTF_ASSIGN_OR_RETURN(ClaimFilter filter, ClaimFilterFromQuery(params));
  std::optional<ConflictKind> kind;
  if (std::string k = Param(params, "kind"); !k.empty()) {
    for (ConflictKind c : {ConflictKind::kDisagreement, ConflictKind::kDecrease, ConflictKind::kConstraint})
      if (Name(c) == k) kind = c;
    if (!kind)
      return Status::InvalidArgument(fmt::format("kind: unknown kind '{}' (disagreement, decrease, constraint)", k));
  }
  FTF_ASSIGN_OR_RETURN(auto snap, Snapshot(ctx, params));
  // The same selection as `ftfwatch conflicts`: a conflict is shown when any key it involves
  // matches the scope and category filters.
  std::vector<Conflict> shown;
  for (const Conflict& c : snap->result.conflicts) {
    if (kind && c.kind != *kind) continue;
    bool match = false;
    for (const LedgerKey& k : c.keys)
      match = match || (InScopes(filter.scopes, k.scope) && (!filter.category || *filter.category == k.category));
    if (match) shown.push_back(c);
  }
  return JsonBody(ConflictsJson(shown));
}

Result<CachedResponse> RenderRisk(ServerContext& ctx, const Params& params) {
  FTF_ASSIGN_OR_RETURN(std::vector<std::string> scopes, ScopesFromQuery(params));
  FTF_ASSIGN_OR_RETURN(auto snap, Snapshot(ctx, params));
  RiskTable table = snap->risk;
  table.rows.erase(std::remove_if(table.rows.begin(), table.rows.end(),
                                  [&](const CountryRisk& r) { return !InScopes(scopes, r.iso3); }),
                   table.rows.end());
  return JsonBody(RiskJson(table));
}

}  // namespace

Result<CachedResponse> RenderFusedLedger(ServerContext& ctx, const Params& params, bool csv) {
  FTF_ASSIGN_OR_RETURN(ClaimFilter filter, ClaimFilterFromQuery(params));
  FTF_ASSIGN_OR_RETURN(auto snap, Snapshot(ctx, params));
  // As `ftfwatch ledger --format json`: the estimates whose key matches the filters.
  nlohmann::json arr = nlohmann::json::array();
  FusionResult shown;
  for (const Estimate& e : snap->result.estimates) {
    if (!InScopes(filter.scopes, e.key.scope)) continue;
    if (filter.category && *filter.category != e.key.category) continue;
    if (filter.subgroup && *filter.subgroup != e.key.subgroup) continue;
    if (filter.unit && *filter.unit != e.key.unit) continue;
    if (csv) shown.estimates.push_back(e);
    else arr.push_back(EstimateJson(e));
  }
  if (csv) return CachedResponse{LedgerLongTable(ToLedgerEntries(shown)).RenderCsv(), kCsvType};
  return JsonBody(arr);
}

void AddAnalysisRoutes(httplib::Server& http, ServerContext& ctx) {
  http.Get(R"(/api/estimates/([^/]+)/([^/]+))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (Status st = CheckAllowed(req.params, {"subgroup", "unit", "as_of", "include_pending"}); !st.ok()) return SendStatus(res, st);
    ServeCached(ctx, req, res, [&ctx, &req] { return RenderEstimate(ctx, req); });
  });
  http.Get("/api/conflicts", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (Status st = CheckAllowed(req.params, {"country", "region", "category", "kind", "as_of", "include_pending"}); !st.ok())
      return SendStatus(res, st);
    ServeCached(ctx, req, res, [&ctx, &req] { return RenderConflicts(ctx, req.params); });
  });
  http.Get("/api/risk", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (Status st = CheckAllowed(req.params, {"country", "region", "as_of", "include_pending"}); !st.ok()) return SendStatus(res, st);
    ServeCached(ctx, req, res, [&ctx, &req] { return RenderRisk(ctx, req.params); });
  });
}

}  // namespace ftf::server
