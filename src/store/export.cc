#include "store/export.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "claims/claim_csv.h"
#include "claims/claim_json.h"
#include "core/utf8.h"
#include "geo/gazetteer.h"
#include "store/source_csv.h"

namespace ftf {
namespace {

// Canonical order: the store's order with the full fingerprint breaking ties, so two
// databases holding the same claims export them identically whatever their insertion order.
Result<std::vector<Claim>> CanonicalClaims(const Store& store) {
  FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims, store.ListClaims({}));
  std::vector<std::pair<std::string, Claim>> keyed;
  keyed.reserve(claims.size());
  for (auto& c : claims) {
    std::string key = fmt::format("{}\x1e{}\x1e{}\x1e{}\x1e{}\x1e{}\x1e", c.scope, Name(c.category),
                                  Name(c.subgroup), Name(c.unit), c.as_of, c.source_id) +
                      ClaimFingerprint(c);
    keyed.emplace_back(std::move(key), std::move(c));
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Claim> out;
  out.reserve(keyed.size());
  for (auto& [k, c] : keyed) out.push_back(std::move(c));
  return out;
}

// Fields of untrusted JSON: a missing or wrongly typed value reads as the fallback (and is
// then caught by the checks), never as an exception.
std::string Str(const nlohmann::json& j, const char* key, const char* fallback = "") {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string(fallback);
}
const nlohmann::json& Array(const nlohmann::json& j, const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

nlohmann::json SourceToJson(const Source& s) {
  return {{"id", s.id},   {"publisher", s.publisher}, {"title", s.title}, {"authors", s.authors},
          {"published", s.published}, {"url", s.url}, {"kind", Name(s.kind)}, {"terms", s.terms},
          {"notes", s.notes}, {"aliases", s.aliases}};
}

}  // namespace

nlohmann::json ReviewLogToJson(const ReviewLogEntry& e) {
  auto claim = [](const std::string& text) {
    nlohmann::json c = nlohmann::json::parse(text, nullptr, false);
    return c.is_discarded() ? nlohmann::json(text) : c;
  };
  return {{"at", e.at},         {"actor", e.actor},   {"action", e.action}, {"claim", e.claim_fingerprint},
          {"document", e.document_sha256.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.document_sha256)},
          {"cue", e.cue},       {"sentence", e.sentence}, {"reason", e.reason},
          {"before", claim(e.before)}, {"after", claim(e.after)}};
}

Result<std::string> ExportJson(const Store& store) {
  FTF_ASSIGN_OR_RETURN(std::vector<Source> sources, store.ListSources());
  FTF_ASSIGN_OR_RETURN(std::vector<Document> docs, store.ListDocuments());
  FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims, CanonicalClaims(store));
  nlohmann::json j;
  j["format"] = "ftfwatch-export";
  j["version"] = kExportFormatVersion;
  j["sources"] = nlohmann::json::array();
  for (const Source& s : sources) j["sources"].push_back(SourceToJson(s));
  j["documents"] = nlohmann::json::array();
  for (const Document& d : docs)
    j["documents"].push_back({{"sha256", d.sha256}, {"source", d.source_id}, {"date", d.date}, {"lang", d.lang},
                              {"title", d.title}, {"text", d.text}});
  j["claims"] = nlohmann::json::array();
  for (const Claim& c : claims) {
    nlohmann::json cj = ClaimToJson(c);
    cj.erase("id");  // database-local; not part of the portable record
    j["claims"].push_back(std::move(cj));
  }
  FTF_ASSIGN_OR_RETURN(std::vector<ReviewLogEntry> log, store.ListReviewLog());
  j["review_log"] = nlohmann::json::array();
  for (const ReviewLogEntry& e : log) j["review_log"].push_back(ReviewLogToJson(e));
  return j.dump(2) + "\n";
}

Result<std::string> ExportClaimsCsv(const Store& store) {
  FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims, CanonicalClaims(store));
  return WriteClaimsCsv(claims);
}

ImportKind DetectImportKind(std::string_view text) {
  size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
  if (i < text.size() && text[i] == '{') return ImportKind::kExportJson;
  return LooksLikeSourcesCsv(text.substr(i)) ? ImportKind::kSourcesCsv : ImportKind::kClaimsCsv;
}

ImportParse ParseImportFile(std::string_view text, const std::string& name, const Store& store,
                            size_t max_errors, const ImportBatch* earlier) {
  ImportParse out;
  auto error = [&](std::string msg) {
    ++out.error_count;
    if (out.errors.size() < max_errors) out.errors.push_back(std::move(msg));
  };
  const Gazetteer& geo = Gazetteer::Bundled();
  std::vector<size_t> claim_lines;  // line (CSV) or index (JSON) of each claim, for messages
  switch (DetectImportKind(text)) {
    case ImportKind::kSourcesCsv: {
      SourceCsvParse p = ParseSourcesCsv(text, name);
      for (auto& e : p.errors) error(std::move(e));
      out.batch.sources = std::move(p.sources);
      return out;
    }
    case ImportKind::kClaimsCsv: {
      ClaimCsvParse p = ParseClaimsCsv(text, name, geo, max_errors);
      out.errors = std::move(p.errors);
      out.error_count = p.error_count;
      out.batch.claims = std::move(p.claims);
      break;
    }
    case ImportKind::kExportJson: {
      if (auto bad = FindInvalidUtf8(text)) {
        error(fmt::format("{}: invalid UTF-8 at byte offset {}", name, *bad));
        return out;
      }
      nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
      if (j.is_discarded() || !j.is_object()) {
        error(fmt::format("{}: not valid JSON", name));
        return out;
      }
      if (Str(j, "format") != "ftfwatch-export") {
        error(fmt::format("{}: format: not an ftfwatch export", name));
        return out;
      }
      auto version = j.find("version");
      if (version == j.end() || !version->is_number_integer()) {
        error(fmt::format("{}: version: missing or not a whole number", name));
        return out;
      }
      if (version->get<int64_t>() > kExportFormatVersion) {
        error(fmt::format("{}: version: export version {} is newer than this ftfwatch reads ({})", name,
                          version->get<int64_t>(), kExportFormatVersion));
        return out;
      }
      size_t i = 0;
      for (const auto& s : Array(j, "sources")) {
        Source src;
        src.id = Str(s, "id");
        src.publisher = Str(s, "publisher");
        src.title = Str(s, "title");
        src.authors = Str(s, "authors");
        src.published = Str(s, "published");
        src.url = Str(s, "url");
        src.terms = Str(s, "terms");
        src.notes = Str(s, "notes");
        if (auto a = s.find("aliases"); a != s.end() && !a->is_null()) {
          if (!a->is_array()) error(fmt::format("{}: sources[{}]: aliases: not an array of names", name, i));
          else
            for (const auto& one : *a) {
              if (one.is_string()) src.aliases.push_back(one.get<std::string>());
              else error(fmt::format("{}: sources[{}]: aliases: not an array of names", name, i));
            }
        }
        auto kind = ParseSourceKind(Str(s, "kind"));
        if (src.id.empty()) error(fmt::format("{}: sources[{}]: id: empty", name, i));
        if (!kind) error(fmt::format("{}: sources[{}]: kind: unknown '{}'", name, i, Str(s, "kind")));
        else src.kind = *kind;
        out.batch.sources.push_back(std::move(src));
        ++i;
      }
      i = 0;
      for (const auto& d : Array(j, "documents")) {
        Document doc;
        doc.sha256 = Str(d, "sha256");
        doc.source_id = Str(d, "source");
        doc.date = Str(d, "date");
        doc.lang = Str(d, "lang", "en");
        doc.title = Str(d, "title");
        doc.text = Str(d, "text");
        if (doc.sha256.size() != 64) error(fmt::format("{}: documents[{}]: sha256: not a sha256", name, i));
        out.batch.documents.push_back(std::move(doc));
        ++i;
      }
      i = 0;
      for (const auto& cj : Array(j, "claims")) {
        auto c = ClaimFromJson(cj);
        if (!c.ok()) {
          error(fmt::format("{}: claims[{}]: {}", name, i, c.status().message()));
        } else {
          auto scope = geo.ResolveScope(c->scope);
          Status shape = ValidateClaimShape(c.value());
          if (!scope.ok()) error(fmt::format("{}: claims[{}]: scope: {}", name, i, scope.status().message()));
          else if (!shape.ok()) error(fmt::format("{}: claims[{}]: {}", name, i, shape.message()));
          else {
            c->scope = scope.value();
            c->id = 0;
            out.batch.claims.push_back(std::move(c).value());
            claim_lines.push_back(i);
          }
        }
        ++i;
      }
      i = 0;
      for (const auto& lj : Array(j, "review_log")) {
        ReviewLogEntry e;
        e.at = Str(lj, "at");
        e.actor = Str(lj, "actor");
        e.action = Str(lj, "action");
        e.claim_fingerprint = Str(lj, "claim");
        e.document_sha256 = Str(lj, "document");
        e.cue = Str(lj, "cue");
        e.sentence = Str(lj, "sentence");
        e.reason = Str(lj, "reason");
        auto claim_text = [&](const char* key) {
          auto it = lj.find(key);
          return it == lj.end() ? std::string() : it->is_string() ? it->get<std::string>() : it->dump();
        };
        e.before = claim_text("before");
        e.after = claim_text("after");
        if (e.at.empty() || e.actor.empty() || e.claim_fingerprint.empty())
          error(fmt::format("{}: review_log[{}]: at, actor and claim are required", name, i));
        else if (e.action != "accept" && e.action != "reject" && e.action != "correct")
          error(fmt::format("{}: review_log[{}]: action: unknown '{}'", name, i, e.action));
        else
          out.batch.review_log.push_back(std::move(e));
        ++i;
      }
      break;
    }
  }
  // Every claim's source must be known: in this file or already stored.
  std::set<std::string> known;
  for (const Source& s : out.batch.sources) known.insert(s.id);
  if (earlier)
    for (const Source& s : earlier->sources) known.insert(s.id);
  if (auto stored = store.ListSources(); stored.ok())
    for (const Source& s : stored.value()) known.insert(s.id);
  std::set<std::string> docs;
  for (const Document& d : out.batch.documents) docs.insert(d.sha256);
  if (earlier)
    for (const Document& d : earlier->documents) docs.insert(d.sha256);
  for (const Claim& c : out.batch.claims) {
    if (!known.count(c.source_id))
      error(fmt::format("{}: source: unknown source '{}' for a {} claim on {} (import its sources first, or "
                        "use a JSON export, which carries them)",
                        name, c.source_id, Name(c.category), c.scope));
    if (!c.document_sha256.empty() && !docs.count(c.document_sha256)) {
      auto d = store.FindDocument(c.document_sha256);
      if (!d.ok() || !d.value())
        error(fmt::format("{}: document: unknown document {} (use a JSON export, which carries documents)", name,
                          c.document_sha256));
    }
  }
  return out;
}

}  // namespace ftf
