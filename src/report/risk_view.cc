#include "report/risk_view.h"

#include <cmath>

#include <fmt/format.h>

#include "claims/claim_json.h"

namespace ftf {
namespace {

using nlohmann::json;

json Num(double v) {
  if (!std::isfinite(v)) return nullptr;
  return std::round(v * 1e6) / 1e6;
}

json Fig(const std::optional<Interval>& iv) {
  if (!iv) return nullptr;
  return {{"low", Num(iv->low)},
          {"best", iv->best ? Num(*iv->best) : json(nullptr)},
          {"high", iv->bounded() ? Num(iv->high) : json(nullptr)}};
}

json TierJson(const std::optional<Tier>& t) { return t ? json(Name(*t)) : json(nullptr); }

std::string Cell(const std::optional<Interval>& iv, int decimals = 0) {
  if (!iv) return "";
  auto f = [&](double v) { return decimals ? FormatCount(v, decimals) : FormatCount(std::round(v)); };
  if (!iv->bounded()) return "≥" + f(iv->low);
  std::string lo = f(iv->low), hi = f(iv->high);
  return lo == hi ? lo : lo + "–" + hi;
}

}  // namespace

std::string TierText(const CountryRisk& r) {
  if (!r.tier) return "unknown";
  std::string s(Name(*r.tier));
  if (r.tier_low != r.tier_high) s += fmt::format(" ({}–{})", Name(*r.tier_low), Name(*r.tier_high));
  return s;
}

json RiskJson(const RiskTable& table) {
  json arr = json::array();
  for (const CountryRisk& r : table.rows) {
    json j;
    j["scope"] = r.iso3;
    j["name"] = r.name;
    j["category"] = "returned";
    j["rank"] = r.rank ? json(r.rank) : json(nullptr);
    j["tier"] = TierJson(r.tier);
    j["tier_low"] = TierJson(r.tier_low);
    j["tier_high"] = TierJson(r.tier_high);
    j["score"] = r.tier ? Num(r.score) : json(nullptr);
    j["score_low"] = r.tier ? Num(r.score_low) : json(nullptr);
    j["score_high"] = r.tier ? Num(r.score_high) : json(nullptr);
    j["reasons"] = r.reasons;
    j["population"] = NumberOrNull(r.population);
    j["as_of"] = r.as_of;
    j["conflict"] = r.conflict;
    j["returnees"] = Fig(r.returnees);
    j["departed"] = Fig(r.departed);
    j["returnees_per_million"] = Fig(r.per_million);
    j["return_rate"] = Fig(r.return_rate);
    j["in_theater"] = Fig(r.in_theater);
    j["in_theater_derived"] = r.in_theater_derived;
    j["women_returned"] = Fig(r.women_returned);
    j["minors_returned"] = Fig(r.minors_returned);
    j["women_minors_returned"] = Fig(r.caseload);
    j["women_departed"] = Fig(r.women_departed);
    j["minors_departed"] = Fig(r.minors_departed);
    j["expected_plotters"] = Fig(r.expected_plotters);
    json ind = json::array();
    for (const IndicatorGrade& g : r.indicators)
      ind.push_back({{"id", g.id},
                     {"weight", g.weight},
                     {"value", Fig(g.value)},
                     {"band_low", Num(g.band_low)},
                     {"band", Num(g.band)},
                     {"band_high", Num(g.band_high)}});
    j["indicators"] = std::move(ind);
    arr.push_back(std::move(j));
  }
  return arr;
}

Table RiskReportTable(const RiskTable& table) {
  Table t({"#", "Country", "Tier", "Range", "Returnees", "Per million", "Return rate", "In theatre",
           "Women+minors", "Plotters"},
          {Align::kRight, Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight,
           Align::kRight, Align::kRight, Align::kRight});
  for (const CountryRisk& r : table.rows) {
    std::string rate;
    if (r.return_rate) {
      int lo = static_cast<int>(std::round(r.return_rate->low * 100)), hi = static_cast<int>(std::round(r.return_rate->high * 100));
      rate = lo == hi ? fmt::format("{}%", lo) : fmt::format("{}–{}%", lo, hi);
    }
    std::string theatre = Cell(r.in_theater);
    if (r.in_theater && r.in_theater_derived) theatre += "*";
    std::string plotters;
    if (r.expected_plotters)
      plotters = FormatCount(r.expected_plotters->low, 1) + "–" +
                 (r.expected_plotters->bounded() ? FormatCount(r.expected_plotters->high, 1) : std::string("open"));
    std::string range = r.tier && r.tier_low != r.tier_high ? fmt::format("{}–{}", Name(*r.tier_low), Name(*r.tier_high)) : "";
    t.AddRow({r.rank ? std::to_string(r.rank) : "", r.iso3 + " " + r.name + (r.conflict ? "!" : ""),
              r.tier ? std::string(Name(*r.tier)) : "unknown", range,
              Cell(r.returnees), Cell(r.per_million, 1), rate, theatre, Cell(r.caseload), plotters});
  }
  return t;
}

std::string RiskReasonsText(const RiskTable& table) {
  std::string out;
  for (const CountryRisk& r : table.rows) {
    out += fmt::format("{} {} — {}\n", r.iso3, r.name, TierText(r));
    for (const std::string& reason : r.reasons) out += "  - " + reason + "\n";
  }
  return out;
}

}  // namespace ftf
