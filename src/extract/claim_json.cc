#include "extract/claim_json.h"

namespace ftf::extract {
namespace {

nlohmann::json Num(const std::optional<double>& v) {
  if (!v) return nullptr;
  double x = *v;
  if (x == static_cast<double>(static_cast<int64_t>(x)) && std::abs(x) < 1e15) return static_cast<int64_t>(x);
  return x;
}

std::optional<double> GetNum(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::string GetStr(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

}  // namespace

nlohmann::json ClaimToJson(const Claim& c) {
  nlohmann::json j;
  j["category"] = std::string(Name(c.category));
  j["subgroup"] = std::string(Name(c.subgroup));
  j["scope"] = c.scope;
  j["unit"] = std::string(Name(c.unit));
  j["low"] = Num(c.low);
  j["best"] = Num(c.best);
  j["high"] = Num(c.high);
  j["qualifier"] = std::string(Name(c.qualifier));
  j["attributed_to"] = c.attributed_to ? nlohmann::json(*c.attributed_to) : nlohmann::json(nullptr);
  j["cue"] = c.cue;
  j["span"] = c.span ? nlohmann::json::array({c.span->start, c.span->end}) : nlohmann::json(nullptr);
  j["sentence"] = c.sentence;
  j["as_of"] = c.as_of.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.as_of);
  j["source"] = c.source_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.source_id);
  j["document"] = c.document_sha256.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.document_sha256);
  j["origin"] = c.origin;
  return j;
}

Result<Claim> ClaimFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Status::InvalidArgument("claim: not a JSON object");
  Claim c;
  auto cat = ParseCategory(GetStr(j, "category"));
  if (!cat) return Status::InvalidArgument("category: unknown '" + GetStr(j, "category") + "'");
  c.category = *cat;
  std::string sg = GetStr(j, "subgroup");
  if (!sg.empty()) {
    auto s = ParseSubgroup(sg);
    if (!s) return Status::InvalidArgument("subgroup: unknown '" + sg + "'");
    c.subgroup = *s;
  }
  std::string unit = GetStr(j, "unit");
  if (!unit.empty()) {
    auto u = ParseUnit(unit);
    if (!u) return Status::InvalidArgument("unit: unknown '" + unit + "'");
    c.unit = *u;
  }
  auto q = ParseQualifier(GetStr(j, "qualifier"));
  if (!q) return Status::InvalidArgument("qualifier: unknown '" + GetStr(j, "qualifier") + "'");
  c.qualifier = *q;
  c.scope = GetStr(j, "scope");
  c.low = GetNum(j, "low");
  c.best = GetNum(j, "best");
  c.high = GetNum(j, "high");
  if (auto it = j.find("attributed_to"); it != j.end() && it->is_string()) c.attributed_to = it->get<std::string>();
  c.cue = GetStr(j, "cue");
  if (auto it = j.find("span"); it != j.end() && it->is_array() && it->size() == 2)
    c.span = Span{(*it)[0].get<int64_t>(), (*it)[1].get<int64_t>()};
  c.sentence = GetStr(j, "sentence");
  c.as_of = GetStr(j, "as_of");
  c.source_id = GetStr(j, "source");
  c.document_sha256 = GetStr(j, "document");
  c.origin = GetStr(j, "origin");
  return c;
}

}  // namespace ftf::extract
