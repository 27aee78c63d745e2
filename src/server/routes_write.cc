// POST /api/extract (text in, claims out, nothing stored), POST /api/ingest (stores; needs
// the bearer token) and POST /api/severity (events CSV in, power-law fit out).
#include <cctype>
#include <cstdlib>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "extract/claim_extractor.h"
#include "claims/claim_json.h"
#include "ingest/ingest.h"
#include "claims/claim_csv.h"
#include "server/auth.h"
#include "severity/analysis.h"
#include "server/http_errors.h"
#include "server/query.h"
#include "server/routes.h"
#include "store/export.h"

namespace ftf::server {
namespace {

// POST /api/severity: at most this many bootstrap replicates per request (about 0.3 ms each
// on the terrorism data), so a request cannot hold a worker for long.
constexpr int64_t kMaxSeverityBootstrap = 2000;

bool IsJson(const httplib::Request& req) {
  return req.get_header_value("Content-Type").rfind("application/json", 0) == 0;
}

}  // namespace

bool Authorized(const ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  switch (CheckBearer(req.get_header_value("Authorization"), ctx.options.token)) {
    case AuthResult::kOk: return true;
    case AuthResult::kReadOnly:
      SendError(res, 403, "read_only",
                "read-only server: start `ftfwatch serve --token-file FILE` to accept writes");
      return false;
    case AuthResult::kMissing:
      res.set_header("WWW-Authenticate", "Bearer realm=\"ftfwatch\"");
      SendError(res, 401, "unauthorized", "this endpoint needs an `Authorization: Bearer <token>` header");
      return false;
    case AuthResult::kWrong: SendError(res, 403, "forbidden", "the bearer token is not valid"); return false;
  }
  return false;
}

namespace {

nlohmann::json StatsJson(const ImportStats& s) {
  return {{"claims_added", s.claims_added},
          {"claims_skipped", s.claims_skipped},
          {"sources_added", s.sources_added},
          {"documents_added", s.documents_added}};
}

// An import file (claims CSV, sources CSV or an ftfwatch export) into the store.
void IngestImportFile(ServerContext& ctx, const std::string& body, httplib::Response& res) {
  auto store = ctx.pool.Acquire();
  if (!store.ok()) return SendStatus(res, store.status());
  ImportParse p = ParseImportFile(body, "body", **store, 50);
  if (p.error_count > 0) {
    std::string msg = fmt::format("import rejected: {} error{}; nothing was stored", p.error_count,
                                  p.error_count == 1 ? "" : "s");
    res.status = 400;
    nlohmann::json j = {{"error", {{"status", 400}, {"code", "invalid_argument"}, {"message", msg},
                                   {"details", p.errors}}}};
    res.set_content(JsonBody(j).body, kJsonType);
    return;
  }
  Result<ImportStats> stats = (*store)->Import(p.batch);
  ctx.version.Bump();
  if (!stats.ok()) return SendStatus(res, stats.status());
  res.set_content(JsonBody({{"stored", StatsJson(*stats)}}).body, kJsonType);
}

// The extractor with the bundled rules, built once (Extract() is const and thread-safe).
const extract::ClaimExtractor& Extractor() {
  static const extract::ClaimExtractor* ex = new extract::ClaimExtractor();
  return *ex;
}

// A text document from the request: a JSON body {"text", "date", "source", "title"}, or any
// other body taken as the text itself with date and source from the query string.
struct TextDoc {
  std::string text, date, source, title;
  SourceKind kind = SourceKind::kUnspecified;  // for a source created by ingest
};

Result<TextDoc> ReadTextDoc(const httplib::Request& req) {
  TextDoc d;
  if (IsJson(req)) {
    nlohmann::json j = nlohmann::json::parse(req.body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("body: not a JSON object");
    auto str = [&](const char* k) -> Result<std::string> {
      if (!j.contains(k) || j[k].is_null()) return std::string();
      if (!j[k].is_string()) return Status::InvalidArgument(fmt::format("{}: not a string", k));
      return j[k].get<std::string>();
    };
    if (!j.contains("text")) return Status::InvalidArgument("text: missing");
    FTF_ASSIGN_OR_RETURN(d.text, str("text"));
    FTF_ASSIGN_OR_RETURN(d.date, str("date"));
    FTF_ASSIGN_OR_RETURN(d.source, str("source"));
    FTF_ASSIGN_OR_RETURN(d.title, str("title"));
    FTF_ASSIGN_OR_RETURN(std::string kind, str("kind"));
    auto k = ParseSourceKind(kind);
    if (!k) return Status::InvalidArgument(fmt::format("kind: unknown source kind '{}'", kind));
    d.kind = *k;
  } else {
    d.text = req.body;
    d.date = req.get_param_value("date");
    d.source = req.get_param_value("source");
    d.title = req.get_param_value("title");
    auto k = ParseSourceKind(req.get_param_value("kind"));
    if (!k) return Status::InvalidArgument(fmt::format("kind: unknown source kind '{}'", req.get_param_value("kind")));
    d.kind = *k;
  }
  if (d.text.empty()) return Status::InvalidArgument("text: empty");
  if (!d.date.empty() && !IsIsoDate(d.date))
    return Status::InvalidArgument(fmt::format("date: not a date (YYYY-MM-DD): '{}'", d.date));
  return d;
}

nlohmann::json ExtractionJson(const extract::Extraction& x) {
  nlohmann::json arr = nlohmann::json::array();
  for (const Claim& c : x.claims) arr.push_back(ClaimToJson(c));
  return {{"claims", std::move(arr)},
          {"sentences_analysed", x.sentences_analysed},
          {"invalid_utf8_offset", x.invalid_utf8_offset ? nlohmann::json(*x.invalid_utf8_offset) : nlohmann::json(nullptr)}};
}

// Extracts and stores one document, as `ftfwatch ingest` does (ingest/ingest.h).
void IngestText(ServerContext& ctx, const TextDoc& d, httplib::Response& res) {
  auto store = ctx.pool.Acquire();
  if (!store.ok()) return SendStatus(res, store.status());
  ingest::IngestRequest req;
  req.text = d.text;
  req.date = d.date;
  req.source_name = d.source;
  req.title = d.title;
  req.kind = d.kind;
  ingest::PreparedIngest in = ingest::PrepareIngest(Extractor(), **store, std::move(req));
  Result<ImportStats> stats = (*store)->Import(in.batch);
  ctx.version.Bump();
  if (!stats.ok()) return SendStatus(res, stats.status());
  nlohmann::json j = ExtractionJson(in.extraction);
  j["stored"] = StatsJson(*stats);
  j["document"] = in.document_sha256;
  j["source"] = in.source_id;
  res.set_content(JsonBody(j).body, kJsonType);
}

}  // namespace

void AddWriteRoutes(httplib::Server& http, ServerContext& ctx) {
  http.Post("/api/extract", [](const httplib::Request& req, httplib::Response& res) {
    Result<TextDoc> d = ReadTextDoc(req);
    if (!d.ok()) return SendStatus(res, d.status());
    extract::ExtractOptions eo;
    eo.as_of = d->date;
    eo.source_id = d->source.empty() ? "" : ingest::SourceSlug(d->source);
    res.set_content(JsonBody(ExtractionJson(Extractor().Extract(d->text, eo))).body, kJsonType);
  });

  http.Post("/api/ingest", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!Authorized(ctx, req, res)) return;
    if (req.body.empty()) return SendError(res, 400, "invalid_argument", "empty request body");
    if (IsJson(req)) {
      nlohmann::json j = nlohmann::json::parse(req.body, nullptr, false);
      if (j.is_discarded() || !j.is_object())
        return SendError(res, 400, "invalid_argument", "body: not a JSON object");
      if (j.contains("format") && j["format"] == "ftfwatch-export") return IngestImportFile(ctx, req.body, res);
      if (j.contains("text")) {
        Result<TextDoc> d = ReadTextDoc(req);
        if (!d.ok()) return SendStatus(res, d.status());
        return IngestText(ctx, *d, res);
      }
      return SendError(res, 400, "invalid_argument",
                       "body: expected {\"text\": …} or an ftfwatch export ({\"format\": \"ftfwatch-export\", …})");
    }
    if (req.get_header_value("Content-Type").rfind("text/plain", 0) == 0) {
      Result<TextDoc> d = ReadTextDoc(req);
      if (!d.ok()) return SendStatus(res, d.status());
      return IngestText(ctx, *d, res);
    }
    IngestImportFile(ctx, req.body, res);  // text/csv: claims or sources CSV
  });

  http.Post("/api/severity", [](const httplib::Request& req, httplib::Response& res) {
    // Events CSV (or one number per line) in the body; the same fit and JSON as
    // `ftfwatch severity fit --format json`. Bootstraps are capped so one request stays short.
    Status allowed = CheckAllowed(req.params, {"column", "model", "bootstrap", "seed", "xmin"});
    if (!allowed.ok()) return SendStatus(res, allowed);
    if (req.body.empty()) return SendError(res, 400, "invalid_argument", "empty request body: send the events CSV");
    severity::FitJobOptions o;
    if (std::string c = Param(req.params, "column"); !c.empty()) o.column = c;
    std::string model = Param(req.params, "model");
    if (model == "discrete") o.discrete = true;
    else if (model == "continuous") o.discrete = false;
    else if (!model.empty())
      return SendError(res, 400, "invalid_argument", "model: use discrete or continuous");
    auto int_param = [&](const char* name, int64_t lo, int64_t hi, int64_t fallback) -> Result<int64_t> {
      std::string v = Param(req.params, name);
      if (v.empty()) return fallback;
      char* end = nullptr;
      long long n = std::strtoll(v.c_str(), &end, 10);
      if (*end != '\0' || n < lo || n > hi)
        return Status::InvalidArgument(fmt::format("{}: must be a whole number from {} to {}", name, lo, hi));
      return static_cast<int64_t>(n);
    };
    auto boot = int_param("bootstrap", 0, kMaxSeverityBootstrap, 200);
    if (!boot.ok()) return SendStatus(res, boot.status());
    auto seed = int_param("seed", 0, std::numeric_limits<int32_t>::max(), 1);
    if (!seed.ok()) return SendStatus(res, seed.status());
    if (std::string x = Param(req.params, "xmin"); !x.empty()) {
      char* end = nullptr;
      double v = std::strtod(x.c_str(), &end);
      if (*end != '\0' || !(v > 0)) return SendError(res, 400, "invalid_argument", "xmin: must be a number > 0");
      o.xmin = v;
    }
    o.bootstrap = static_cast<int>(*boot);
    o.seed = static_cast<uint64_t>(*seed);
    o.threads = 1;  // the server's thread pool already spreads requests over the cores
    auto r = severity::RunFitJob(req.body, "body", o);
    if (!r.ok()) return SendStatus(res, r.status());
    res.set_content(severity::FitJson(*r).dump(), kJsonType);
  });

  // Wrong methods on known endpoints: 405 with Allow, not a bare 404.
  for (const char* path : {"/api/extract", "/api/ingest", "/api/severity"}) {
    http.Get(path, [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Allow", "POST");
      SendError(res, 405, "method_not_allowed", "use POST");
    });
  }
  for (const char* path : {"/api/countries", "/api/regions", "/api/ledger", "/api/claims", "/api/sources",
                           "/api/conflicts", "/api/risk", "/api/health"}) {
    http.Post(path, [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Allow", "GET, HEAD");
      SendError(res, 405, "method_not_allowed", "use GET");
    });
  }
}

}  // namespace ftf::server
