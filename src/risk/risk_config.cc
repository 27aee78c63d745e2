#include "risk/risk_config.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/embedded_data.h"

namespace ftf {
namespace {

using nlohmann::json;

Result<Thresholds> ParseThresholds(const json& j, const std::string& field) {
  Thresholds t{};
  auto bad = [&] { return Status::InvalidArgument(fmt::format("{}: must be 4 ascending positive numbers", field)); };
  if (!j.is_array() || j.size() != 4) return bad();
  for (size_t i = 0; i < 4; ++i) {
    if (!j[i].is_number()) return bad();
    t[i] = j[i].get<double>();
    if (!(t[i] > 0) || !std::isfinite(t[i]) || (i > 0 && !(t[i] > t[i - 1]))) return bad();
  }
  return t;
}

Status ParseIndicator(const json& j, const std::string& field, Indicator& out) {
  if (!j.is_object()) return Status::InvalidArgument(fmt::format("{}: must be an object", field));
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() == "weight") {
      if (!it.value().is_number() || it.value().get<double>() < 0)
        return Status::InvalidArgument(fmt::format("{}.weight: must be a number >= 0", field));
      out.weight = it.value().get<double>();
    } else if (it.key() == "thresholds") {
      FTF_ASSIGN_OR_RETURN(out.thresholds, ParseThresholds(it.value(), field + ".thresholds"));
    } else {
      return Status::InvalidArgument(fmt::format("{}.{}: unknown field", field, it.key()));
    }
  }
  return Status::OK();
}

}  // namespace

std::vector<BaseRate> RiskConfig::UsedRates() const {
  std::vector<BaseRate> out;
  for (const BaseRate& b : base_rates)
    if (b.verified || use_unverified) out.push_back(b);
  return out;
}

double RiskConfig::MinRate() const {
  std::vector<BaseRate> used = UsedRates();
  if (used.empty()) return std::nan("");
  const BaseRate* low = &used.front();
  for (const BaseRate& b : used)
    if (b.rate < low->rate) low = &b;
  return low->upper_bound ? 0 : low->rate;
}

double RiskConfig::MaxRate() const {
  std::vector<BaseRate> used = UsedRates();
  if (used.empty()) return std::nan("");
  double r = 0;
  for (const BaseRate& b : used) r = std::max(r, b.rate);
  return r;
}

Result<RiskConfig> ParseRiskConfig(std::string_view json_text, const std::string& name) {
  json j = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument(fmt::format("{}: not a JSON object", name));
  RiskConfig c;
  auto field = [&](const std::string& f) { return name + ": " + f; };
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    if (key == "format") {
      if (v != "ftfwatch-risk-config") return Status::InvalidArgument(field("format: expected \"ftfwatch-risk-config\""));
    } else if (key == "version") {
      if (v != 1) return Status::FailedPrecondition(field("version: only version 1 is known"));
    } else if (key == "description") {
    } else if (key == "base_rates") {
      if (!v.is_array() || v.empty()) return Status::InvalidArgument(field("base_rates: must be a non-empty array"));
      for (size_t i = 0; i < v.size(); ++i) {
        const json& r = v[i];
        std::string f = fmt::format("base_rates[{}]", i);
        if (!r.is_object() || !r.contains("rate") || !r["rate"].is_number())
          return Status::InvalidArgument(field(f + ".rate: missing or not a number"));
        BaseRate b;
        b.rate = r["rate"].get<double>();
        if (!(b.rate > 0 && b.rate <= 1)) return Status::OutOfRange(field(f + ".rate: must be in (0, 1]"));
        b.id = r.value("id", "");
        b.label = r.value("label", "");
        b.citation = r.value("citation", "");
        b.where = r.value("where", "");
        b.verified = r.value("verified", false);
        b.upper_bound = r.value("upper_bound", false);
        if (b.citation.empty()) return Status::InvalidArgument(field(f + ".citation: every base rate needs its source"));
        if (b.where.empty())
          return Status::InvalidArgument(field(f + ".where: give the page, table or section a reader can check"));
        c.base_rates.push_back(std::move(b));
      }
    } else if (key == "indicators") {
      if (!v.is_object()) return Status::InvalidArgument(field("indicators: must be an object"));
      for (auto ind = v.begin(); ind != v.end(); ++ind) {
        Indicator* target = ind.key() == "returnees"               ? &c.returnees
                            : ind.key() == "returnees_per_million" ? &c.returnees_per_million
                            : ind.key() == "in_theater"            ? &c.in_theater
                            : ind.key() == "women_minors_returned" ? &c.women_minors_returned
                                                                   : nullptr;
        if (!target) return Status::InvalidArgument(field(fmt::format("indicators.{}: unknown indicator", ind.key())));
        FTF_RETURN_IF_ERROR(ParseIndicator(ind.value(), field("indicators." + ind.key()), *target));
      }
    } else if (key == "use_unverified") {
      if (!v.is_boolean()) return Status::InvalidArgument(field("use_unverified: must be true or false"));
      c.use_unverified = v.get<bool>();
    } else if (key == "tier_cutoffs") {
      FTF_ASSIGN_OR_RETURN(c.tier_cutoffs, ParseThresholds(v, field("tier_cutoffs")));
    } else {
      return Status::InvalidArgument(field(fmt::format("{}: unknown field", key)));
    }
  }
  if (c.base_rates.empty()) return Status::InvalidArgument(field("base_rates: at least one published rate is needed"));
  if (c.returnees.weight + c.returnees_per_million.weight + c.in_theater.weight + c.women_minors_returned.weight <= 0)
    return Status::InvalidArgument(field("indicators: at least one weight must be > 0"));
  return c;
}

Result<RiskConfig> DefaultRiskConfig() {
  auto text = embedded::Find("data/config/risk.json");
  if (!text) return Status::Internal("data/config/risk.json is not bundled in this binary");
  return ParseRiskConfig(*text, "data/config/risk.json");
}

}  // namespace ftf
