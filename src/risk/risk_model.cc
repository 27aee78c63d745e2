#include "risk/risk_model.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include <fmt/format.h>

#include "core/number_format.h"

namespace ftf {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Interval Closed(double low, double high, std::optional<double> best = std::nullopt) {
  Interval iv;
  iv.low = low;
  iv.high = high;
  iv.best = best;
  return iv;
}

Interval Scale(const Interval& iv, double f) {
  Interval r = Closed(iv.low * f, iv.bounded() ? iv.high * f : kInf);
  if (iv.best) r.best = *iv.best * f;
  return r;
}

std::string Count(double v) { return std::isfinite(v) ? FormatCount(std::round(v)) : "open"; }

// "425", "271–302 (best 287)", "≥ 102", with counts rounded.
std::string CountText(const Interval& iv) {
  if (!iv.bounded()) return "at least " + Count(iv.low);
  if (std::round(iv.low) == std::round(iv.high)) return Count(iv.low);
  std::string s = Count(iv.low) + "–" + Count(iv.high);
  if (iv.best) s += " (best " + Count(*iv.best) + ")";
  return s;
}

std::string RateText(const Interval& iv, int decimals) {
  auto f = [&](double v) { return std::isfinite(v) ? FormatCount(v, decimals) : std::string("open"); };
  if (!iv.bounded()) return "at least " + f(iv.low);
  if (std::fabs(iv.low - iv.high) < 1e-12) return f(iv.low);
  std::string s = f(iv.low) + "–" + f(iv.high);
  if (iv.best) s += " (best " + f(*iv.best) + ")";
  return s;
}

std::string Percent(double v) { return fmt::format("{:.0f}%", v * 100); }

std::string BandName(double band) { return std::string(Name(static_cast<Tier>(std::clamp(static_cast<int>(band), 0, 4)))); }

IndicatorGrade Grade(const std::string& id, const Indicator& ind, const Interval& value) {
  IndicatorGrade g;
  g.id = id;
  g.weight = ind.weight;
  g.value = value;
  g.central = Central(value);
  g.band_low = Band(value.low, ind.thresholds);
  g.band = Band(g.central, ind.thresholds);
  g.band_high = Band(value.bounded() ? value.high : kInf, ind.thresholds);
  return g;
}

const Estimate* Get(const FusionResult& f, const std::string& iso3, Category c, Subgroup s = Subgroup::kAll) {
  return f.Find(LedgerKey{iso3, c, s, Unit::kPersons});
}

}  // namespace

double Central(const Interval& iv) {
  if (iv.best) return *iv.best;
  if (iv.bounded()) return (iv.low + iv.high) / 2;
  return iv.low;
}

RiskTable ComputeRisk(const FusionResult& fusion, const Gazetteer& geo, const RiskConfig& config) {
  RiskTable table;
  table.base_rates = config.UsedRates();
  std::set<std::string> scopes;
  for (const Estimate& e : fusion.estimates)
    if (e.key.unit == Unit::kPersons && e.key.subgroup == Subgroup::kAll &&
        (e.key.category == Category::kDeparted || e.key.category == Category::kReturned) &&
        geo.CountryByIso3(e.key.scope) && e.stated())
      scopes.insert(e.key.scope);

  const double min_rate = config.MinRate(), max_rate = config.MaxRate();
  for (const std::string& iso3 : scopes) {
    const Country* country = geo.CountryByIso3(iso3);
    CountryRisk r;
    r.iso3 = iso3;
    r.name = country->name;
    r.population = country->population;
    std::vector<const Estimate*> used;
    std::vector<std::string> insufficient;  // "insufficient data" reasons, in input order
    // Tier inputs are stated estimates only. A key with feasible bounds but no stated figure
    // is insufficient data, and says so; its bounds never stand in for it.
    auto take = [&](Category c, Subgroup s) -> std::optional<Interval> {
      const Estimate* e = Get(fusion, iso3, c, s);
      if (!e) return std::nullopt;
      if (!e->stated()) {
        insufficient.push_back(fmt::format("{} ({}): insufficient data — no source states it (feasible bounds {} only)",
                                           Name(c), Name(s), e->bounds.ToString()));
        return std::nullopt;
      }
      used.push_back(e);
      return e->interval;
    };
    r.departed = take(Category::kDeparted, Subgroup::kAll);
    r.returnees = take(Category::kReturned, Subgroup::kAll);
    r.women_returned = take(Category::kReturned, Subgroup::kWomen);
    r.minors_returned = take(Category::kReturned, Subgroup::kMinors);
    r.women_departed = take(Category::kDeparted, Subgroup::kWomen);
    r.minors_departed = take(Category::kDeparted, Subgroup::kMinors);
    std::optional<Interval> killed = take(Category::kKilled, Subgroup::kAll);
    r.in_theater = take(Category::kInTheater, Subgroup::kAll);
    for (const Estimate* e : used) {
      r.conflict = r.conflict || e->conflict;
      r.as_of = std::max(r.as_of, e->as_of);
    }

    if (r.returnees && r.population && *r.population > 0) r.per_million = Scale(*r.returnees, 1e6 / *r.population);
    if (r.returnees && r.departed && !(r.returnees->bounded() && r.departed->bounded()))
      insufficient.push_back(fmt::format(
          "return rate: insufficient data — the sources give only a floor for {} ({} returnees of {} who departed)",
          !r.departed->bounded() ? "departures" : "returnees", CountText(*r.returnees), CountText(*r.departed)));
    if (r.returnees && r.departed && r.returnees->bounded() && r.departed->bounded()) {
      const Interval& R = *r.returnees;
      const Interval& D = *r.departed;
      double lo = D.bounded() && D.high > 0 ? R.low / D.high : 0;
      double hi = D.low > 0 && R.bounded() ? std::min(1.0, R.high / D.low) : 1.0;
      Interval rate = Closed(std::min(lo, hi), hi);
      double rc = Central(R), dc = Central(D);
      if (dc > 0) rate.best = std::clamp(rc / dc, rate.low, rate.high);
      r.return_rate = rate;
    }
    if (!r.in_theater && r.departed && r.returnees && !r.departed->bounded())
      insufficient.push_back(fmt::format(
          "still in theatre: insufficient data — no source states it, and departures are given only as {}",
          CountText(*r.departed)));
    if (!r.in_theater && r.departed && r.returnees && r.departed->bounded()) {
      // Derived: departed − returned − killed. Without a killed figure its low end is 0 and
      // its high end counts the dead as still there: an upper bound on possible returns.
      const Interval& D = *r.departed;
      const Interval& R = *r.returnees;
      double k_low = killed ? killed->low : 0, k_high = killed && killed->bounded() ? killed->high : kInf;
      double lo = std::max(0.0, D.low - (R.bounded() ? R.high : kInf) - k_high);
      double hi = D.bounded() ? std::max(0.0, D.high - R.low - k_low) : kInf;
      if (std::isnan(lo)) lo = 0;
      Interval t = Closed(lo, std::max(lo, hi));
      if (killed && D.best && R.best && killed->best) t.best = std::clamp(*D.best - *R.best - *killed->best, t.low, t.high);
      r.in_theater = t;
      r.in_theater_derived = true;
    }
    if (r.women_returned || r.minors_returned) {
      Interval c = Closed(0, 0, 0.0);
      if (r.women_returned) c = c.Plus(*r.women_returned);
      if (r.minors_returned) c = c.Plus(*r.minors_returned);
      r.caseload = c;
    }
    if (r.returnees && std::isfinite(max_rate)) {
      const Interval& R = *r.returnees;
      Interval e = Closed(R.low * min_rate, R.bounded() ? R.high * max_rate : kInf);
      r.expected_plotters = e;
    }

    // Grades and tier.
    if (r.returnees) {
      r.indicators.push_back(Grade("returnees", config.returnees, *r.returnees));
      if (r.per_million) r.indicators.push_back(Grade("returnees_per_million", config.returnees_per_million, *r.per_million));
      if (r.in_theater) r.indicators.push_back(Grade("in_theater", config.in_theater, *r.in_theater));
      if (r.caseload) r.indicators.push_back(Grade("women_minors_returned", config.women_minors_returned, *r.caseload));
      double wsum = 0, s = 0, slo = 0, shi = 0;
      for (const IndicatorGrade& g : r.indicators) {
        wsum += g.weight;
        s += g.weight * g.band;
        slo += g.weight * g.band_low;
        shi += g.weight * g.band_high;
      }
      if (wsum > 0) {
        r.score = s / wsum;
        r.score_low = slo / wsum;
        r.score_high = shi / wsum;
        r.tier = TierOf(r.score, config.tier_cutoffs);
        r.tier_low = TierOf(r.score_low, config.tier_cutoffs);
        r.tier_high = TierOf(r.score_high, config.tier_cutoffs);
      }
    }

    // Reasons, the weightiest indicator first, then context.
    std::vector<std::pair<double, std::string>> weighted;
    for (const IndicatorGrade& g : r.indicators) {
      std::string band = BandName(g.band);
      if (BandName(g.band_low) != BandName(g.band_high))
        band = BandName(g.band_low) + "–" + BandName(g.band_high);
      std::string text;
      if (g.id == "returnees") {
        text = fmt::format("{} returnees: {} band", CountText(g.value), band);
      } else if (g.id == "returnees_per_million") {
        text = fmt::format("{} returnees per million inhabitants: {} band", RateText(g.value, 2), band);
      } else if (g.id == "in_theater") {
        text = r.in_theater_derived
                   ? fmt::format("{} may still be in theatre (departed − returned{}; possible future returns): {} band",
                                 CountText(g.value), killed ? " − killed" : ", dead not subtracted", band)
                   : fmt::format("{} still in theatre (possible future returns): {} band", CountText(g.value), band);
      } else {
        std::string parts;
        if (r.women_returned) parts += CountText(*r.women_returned) + " women";
        if (r.minors_returned) parts += (parts.empty() ? "" : ", ") + CountText(*r.minors_returned) + " minors";
        text = fmt::format("{} women and minors returned ({}): the social-services caseload, {} band",
                           CountText(g.value), parts, band);
      }
      weighted.push_back({g.weight * g.band, text});
    }
    std::stable_sort(weighted.begin(), weighted.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (!r.returnees) r.reasons.push_back("no estimate of returnees: the tier is unknown");
    for (auto& [w, t] : weighted) r.reasons.push_back(std::move(t));
    for (const IndicatorGrade& g : r.indicators)
      if (!g.value.bounded())
        r.reasons.push_back(fmt::format("{}: the sources give only a floor ({}), so the upper end of its band — and the "
                                        "tier's upper end — is insufficient data",
                                        g.id, CountText(g.value)));
    for (std::string& t : insufficient) r.reasons.push_back(std::move(t));
    if (r.expected_plotters) {
      const Interval& e = *r.expected_plotters;
      std::string rates = min_rate > 0 ? fmt::format("1 in {:.0f} to 1 in {:.0f}", 1 / max_rate, 1 / min_rate)
                                       : fmt::format("at most 1 in {:.0f}", 1 / max_rate);
      r.reasons.push_back(fmt::format(
          "expected returnees involved in attack plotting at published base rates ({}): {}–{}", rates,
          FormatCount(e.low, 1), e.bounded() ? FormatCount(e.high, 1) : "open"));
    } else if (r.returnees) {
      r.reasons.push_back("expected plotters: insufficient data — no verified base rate is configured");
    }
    if (r.return_rate)
      r.reasons.push_back(fmt::format("return rate {} of {} who departed",
                                      Percent(r.return_rate->low) == Percent(r.return_rate->high)
                                          ? Percent(r.return_rate->low)
                                          : Percent(r.return_rate->low) + "–" + Percent(r.return_rate->high),
                                      CountText(*r.departed)));
    if (!r.caseload && r.returnees) {
      std::string dep;
      if (r.women_departed) dep += CountText(*r.women_departed) + " women";
      if (r.minors_departed) dep += (dep.empty() ? "" : ", ") + CountText(*r.minors_departed) + " minors";
      r.reasons.push_back(dep.empty() ? "no figure for women and minors among returnees"
                                      : "no figure for women and minors among returnees (" + dep + " departed)");
    }
    if (r.tier && r.tier_low != r.tier_high)
      r.reasons.push_back(fmt::format("the low and high ends of the estimates give {} and {}: tier range {}–{}",
                                      Name(*r.tier_low), Name(*r.tier_high), Name(*r.tier_low), Name(*r.tier_high)));
    if (r.conflict) r.reasons.push_back("sources disagree on a figure used here (see ftfwatch conflicts)");
    table.rows.push_back(std::move(r));
  }
  std::stable_sort(table.rows.begin(), table.rows.end(), [](const CountryRisk& a, const CountryRisk& b) {
    if (a.tier.has_value() != b.tier.has_value()) return a.tier.has_value();
    if (a.score != b.score) return a.score > b.score;
    double ra = a.returnees ? Central(*a.returnees) : 0, rb = b.returnees ? Central(*b.returnees) : 0;
    if (ra != rb) return ra > rb;
    return a.iso3 < b.iso3;
  });
  int rank = 0;
  for (CountryRisk& r : table.rows)
    if (r.tier) r.rank = ++rank;
  return table;
}

}  // namespace ftf
