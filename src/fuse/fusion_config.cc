#include "fuse/fusion_config.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/embedded_data.h"

namespace ftf {
namespace {

using nlohmann::json;

Result<double> Number(const json& j, const std::string& field, double min, double max, bool min_exclusive) {
  if (!j.is_number()) return Status::InvalidArgument(fmt::format("{}: must be a number", field));
  double v = j.get<double>();
  if (v < min || (min_exclusive && v == min) || v > max)
    return Status::OutOfRange(fmt::format("{}: {} is outside {}{}, {}]", field, v, min_exclusive ? "(" : "[", min, max));
  return v;
}

}  // namespace

Result<FusionConfig> ParseFusionConfig(std::string_view json_text, const std::string& name) {
  json j = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Status::InvalidArgument(fmt::format("{}: not a JSON object", name));
  FusionConfig c;
  auto field = [&](const std::string& f) { return name + ": " + f; };
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    if (key == "format") {
      if (v != "ftfwatch-fusion-config")
        return Status::InvalidArgument(field("format: expected \"ftfwatch-fusion-config\""));
    } else if (key == "version") {
      if (v != 1) return Status::FailedPrecondition(field("version: only version 1 is known"));
    } else if (key == "description") {
      // free text
    } else if (key == "kind_weights") {
      if (!v.is_object()) return Status::InvalidArgument(field("kind_weights: must be an object"));
      for (auto kw = v.begin(); kw != v.end(); ++kw) {
        auto kind = ParseSourceKind(kw.key());
        if (!kind) return Status::InvalidArgument(field(fmt::format("kind_weights.{}: unknown source kind", kw.key())));
        FTF_ASSIGN_OR_RETURN(c.kind_weights[static_cast<int>(*kind)],
                             Number(kw.value(), field("kind_weights." + kw.key()), 0, 1e6, true));
      }
    } else if (key == "recency_half_life_days") {
      FTF_ASSIGN_OR_RETURN(c.recency_half_life_days, Number(v, field(key), 0, 1e6, true));
    } else if (key == "contemporaneous_days") {
      FTF_ASSIGN_OR_RETURN(double d, Number(v, field(key), 0, 36500, false));
      c.contemporaneous_days = static_cast<int>(d);
    } else if (key == "copy_lead_days") {
      FTF_ASSIGN_OR_RETURN(double d, Number(v, field(key), 0, 3650, false));
      c.copy_lead_days = static_cast<int>(d);
    } else if (key == "copy_window_days") {
      FTF_ASSIGN_OR_RETURN(double d, Number(v, field(key), 0, 36500, false));
      c.copy_window_days = static_cast<int>(d);
    } else if (key == "cumulative_categories") {
      if (!v.is_array()) return Status::InvalidArgument(field("cumulative_categories: must be an array"));
      c.cumulative.fill(false);
      for (const json& e : v) {
        auto cat = e.is_string() ? ParseCategory(e.get<std::string>()) : std::nullopt;
        if (!cat) return Status::InvalidArgument(field(fmt::format("cumulative_categories: unknown category {}", e.dump())));
        c.cumulative[static_cast<int>(*cat)] = true;
      }
    } else if (key == "credible_share") {
      FTF_ASSIGN_OR_RETURN(c.credible_share, Number(v, field(key), 0, 1, true));
    } else if (key == "approx_hedge_margin") {
      FTF_ASSIGN_OR_RETURN(c.interval_rules.hedge_margin, Number(v, field(key), 0, 1, false));
    } else if (key == "exact_reporting_margin") {
      FTF_ASSIGN_OR_RETURN(c.interval_rules.reporting_margin, Number(v, field(key), 0, 1, false));
    } else if (key == "max_passes") {
      FTF_ASSIGN_OR_RETURN(double d, Number(v, field(key), 1, 100000, false));
      c.max_passes = static_cast<int>(d);
    } else {
      return Status::InvalidArgument(field(fmt::format("{}: unknown field", key)));
    }
  }
  return c;
}

Result<FusionConfig> DefaultFusionConfig() {
  auto text = embedded::Find("data/config/fusion.json");
  if (!text) return Status::Internal("data/config/fusion.json is not bundled in this binary");
  return ParseFusionConfig(*text, "data/config/fusion.json");
}

}  // namespace ftf
