// The review queue over HTTP (docs/api.md):
//   GET  /api/review?document=&source=&rule=&limit=   pending claims, oldest source first
//   GET  /api/review/log                               the audit log
//   POST /api/review                                   decisions; needs the bearer token
// POST bodies: {"action": "accept"|"reject"|"correct", "ids": [..]} or a bulk selection
// {"document"|"source"|"rule": …} (pending claims only), "reason" (required to reject) and,
// to correct one claim, "set": {"field": "value", …}. Decisions are logged under the token's
// name (serve --token-name).
#include <fmt/format.h>

#include "claims/claim_json.h"
#include "server/http_errors.h"
#include "server/query.h"
#include "server/routes.h"
#include "store/export.h"
#include "store/review_queue.h"

namespace ftf::server {
namespace {

Result<ReviewSelection> SelectionFromJson(const nlohmann::json& j) {
  ReviewSelection sel;
  if (auto it = j.find("ids"); it != j.end()) {
    if (!it->is_array()) return Status::InvalidArgument("ids: not an array of claim ids");
    for (const auto& v : *it) {
      if (!v.is_number_integer()) return Status::InvalidArgument("ids: not an array of claim ids");
      sel.ids.push_back(v.get<int64_t>());
    }
  }
  for (auto [key, dst] : {std::pair{"document", &sel.document}, std::pair{"source", &sel.source},
                          std::pair{"rule", &sel.rule}}) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) continue;
    if (!it->is_string()) return Status::InvalidArgument(fmt::format("{}: not a string", key));
    *dst = it->get<std::string>();
  }
  return sel;
}

Result<nlohmann::json> Decide(ServerContext& ctx, const std::string& body) {
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("body: not a JSON object");
  std::string action = j.value("action", "");
  std::string reason;
  if (auto it = j.find("reason"); it != j.end() && !it->is_null()) {
    if (!it->is_string()) return Status::InvalidArgument("reason: not a string");
    reason = it->get<std::string>();
  }
  FTF_ASSIGN_OR_RETURN(ReviewSelection sel, SelectionFromJson(j));
  FTF_ASSIGN_OR_RETURN(auto store, ctx.pool.Acquire());
  std::vector<ReviewDecision> decisions;
  if (action == "correct") {
    if (sel.ids.size() != 1) return Status::InvalidArgument("ids: a correction names exactly one claim");
    auto set = j.find("set");
    if (set == j.end() || !set->is_object()) return Status::InvalidArgument("set: an object of field: value");
    std::vector<std::pair<std::string, std::string>> changes;
    for (auto it = set->begin(); it != set->end(); ++it) {
      if (it->is_string()) changes.emplace_back(it.key(), it->get<std::string>());
      else if (it->is_number()) changes.emplace_back(it.key(), it->dump());
      else if (it->is_null()) changes.emplace_back(it.key(), "null");
      else return Status::InvalidArgument(fmt::format("set: {}: not a string or number", it.key()));
    }
    FTF_ASSIGN_OR_RETURN(ReviewDecision d, CorrectionDecision(*store, sel.ids.front(), changes, reason));
    decisions.push_back(std::move(d));
  } else if (action == "accept" || action == "reject") {
    FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims, SelectForReview(*store, sel));
    decisions = BulkDecisions(claims, action == "accept" ? ReviewAction::kAccept : ReviewAction::kReject, reason);
  } else {
    return Status::InvalidArgument("action: one of accept, reject, correct");
  }
  ReviewStats st;
  if (!decisions.empty()) {
    auto r = store->ApplyReview(decisions, ctx.options.token_name, "");
    ctx.version.Bump();
    if (!r.ok()) return r.status();
    st = *r;
  }
  return nlohmann::json{{"decided", st.decided}, {"corrections_added", st.corrections_added},
                        {"actor", ctx.options.token_name}};
}

}  // namespace

void AddReviewRoutes(httplib::Server& http, ServerContext& ctx) {
  http.Get("/api/review", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (Status st = CheckAllowed(req.params, {"document", "source", "rule", "limit"}); !st.ok())
      return SendStatus(res, st);
    ServeCached(ctx, req, res, [&]() -> Result<CachedResponse> {
      ReviewSelection sel{{}, Param(req.params, "document"), Param(req.params, "source"), Param(req.params, "rule")};
      FTF_ASSIGN_OR_RETURN(auto store, ctx.pool.Acquire());
      FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims, PendingClaims(*store, sel));
      if (std::string l = Param(req.params, "limit"); !l.empty()) {
        char* end = nullptr;
        long long n = std::strtoll(l.c_str(), &end, 10);
        if (*end != '\0' || n < 0) return Status::InvalidArgument("limit: not a whole number");
        if (static_cast<size_t>(n) < claims.size()) claims.resize(static_cast<size_t>(n));
      }
      nlohmann::json arr = nlohmann::json::array();
      for (const Claim& c : claims) arr.push_back(ClaimToJson(c));
      return JsonBody({{"pending", std::move(arr)}});
    });
  });
  http.Get("/api/review/log", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (Status st = CheckAllowed(req.params, {}); !st.ok()) return SendStatus(res, st);
    ServeCached(ctx, req, res, [&]() -> Result<CachedResponse> {
      FTF_ASSIGN_OR_RETURN(auto store, ctx.pool.Acquire());
      FTF_ASSIGN_OR_RETURN(std::vector<ReviewLogEntry> log, store->ListReviewLog());
      nlohmann::json arr = nlohmann::json::array();
      for (const ReviewLogEntry& e : log) arr.push_back(ReviewLogToJson(e));
      return JsonBody(arr);
    });
  });
  http.Post("/api/review", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!Authorized(ctx, req, res)) return;
    auto r = Decide(ctx, req.body);
    if (!r.ok()) return SendStatus(res, r.status());
    res.set_content(r->dump(), kJsonType);
  });
}

}  // namespace ftf::server
