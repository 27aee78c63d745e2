#include "severity/analysis.h"

#include <algorithm>
#include <cmath>
#include <thread>

#include <fmt/format.h>

namespace ftf::severity {

using json = nlohmann::json;

json NumOrNull(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

int DefaultThreads() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

Result<FitJobResult> RunFitJob(std::string_view text, const std::string& name, const FitJobOptions& o) {
  FitJobResult out;
  out.options = o;
  if (o.bootstrap < 0) return Status::InvalidArgument("--bootstrap: must be >= 0");
  if (!(o.scale > 0) || !std::isfinite(o.scale)) return Status::InvalidArgument("--scale: must be a number > 0");
  FTF_ASSIGN_OR_RETURN(out.file, ParseEvents(text, name));
  FTF_ASSIGN_OR_RETURN(out.column, ExtractColumn(out.file, o.column));
  for (double& v : out.column.values) v *= o.scale;
  FTF_ASSIGN_OR_RETURN(bool discrete, ResolveDiscrete(out.file, o.column, out.column, o.discrete));
  std::vector<double> positive;
  for (double v : out.column.values) {
    if (v > 0) positive.push_back(v);
  }
  out.sample = SortedSample::FromValues(std::move(positive));
  const int threads = o.threads > 0 ? o.threads : DefaultThreads();
  out.threads = threads;
  PowerLawOptions po;
  po.discrete = discrete;
  po.threads = threads;
  po.fixed_xmin = o.xmin;
  po.max_xmin = o.max_xmin;
  auto fit = FitPowerLaw(out.sample, po);
  if (!fit.ok()) return fit.status().WithContext(fmt::format("{}: {}", out.file.name, o.column));
  out.fit = *fit;
  if (o.bootstrap > 0) {
    BootstrapOptions bo;
    bo.replicates = o.bootstrap;
    bo.seed = o.seed;
    bo.threads = threads;
    bo.fit = po;
    FTF_ASSIGN_OR_RETURN(out.boot, BootstrapGoodnessOfFit(out.sample, out.fit, bo));
  }
  if (o.compare) {
    FTF_ASSIGN_OR_RETURN(out.comparisons,
                         CompareAlternatives(out.sample, out.fit, DefaultAlternatives(discrete)));
  }
  return out;
}

std::string FitSummary(const FitJobResult& r) {
  std::string s;
  if (r.boot && std::isfinite(r.boot->p)) {
    s = r.boot->p >= 0.1
            ? fmt::format("The power law is plausible for values >= {:g} (p = {:.2f} >= 0.1).", r.fit.xmin, r.boot->p)
            : fmt::format("The power law is ruled out (p = {:.3f} < 0.1).", r.boot->p);
  } else {
    s = "No goodness-of-fit test was run (--bootstrap 0).";
  }
  std::vector<std::string> better, worse, mute;
  for (const auto& c : r.comparisons) {
    const std::string name = AlternativeName(c.alternative.kind);
    if (c.favours == "power_law") worse.push_back(name);
    else if (c.favours == "alternative") better.push_back(name);
    else mute.push_back(name);
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string j;
    for (size_t i = 0; i < v.size(); ++i) j += (i ? ", " : "") + v[i];
    return j;
  };
  if (!worse.empty()) s += " It fits better than: " + join(worse) + ".";
  if (!better.empty()) s += " Fits better than it: " + join(better) + ".";
  if (!mute.empty()) s += " Cannot be told apart (p >= 0.1): " + join(mute) + ".";
  return s;
}

json FitJson(const FitJobResult& r) {
  const FitJobOptions& o = r.options;
  const int threads = r.threads;
  json j;
  j["file"] = r.file.name;
  j["layout"] = EventLayoutName(r.file.layout);
  j["column"] = o.column;
  if (o.scale != 1.0) j["scale"] = o.scale;
  j["discrete"] = r.fit.discrete;
  j["n_events"] = r.file.events.size();
  j["n_unknown"] = r.column.unknown;
  j["n_zero"] = r.column.zeros;
  j["n"] = r.fit.n;
  j["xmin"] = r.fit.xmin;
  j["alpha"] = r.fit.alpha;
  j["sigma_alpha"] = NumOrNull(r.fit.sigma_alpha);
  j["ks"] = r.fit.ks;
  j["n_tail"] = r.fit.n_tail;
  j["log_likelihood"] = r.fit.log_likelihood;
  j["xmin_candidates"] = r.fit.candidates;
  if (r.boot) {
    j["p"] = NumOrNull(r.boot->p);
    j["p_se"] = NumOrNull(std::sqrt(r.boot->p * (1 - r.boot->p) / std::max(1, r.boot->replicates - r.boot->failed)));
    j["plausible"] = std::isfinite(r.boot->p) ? json(r.boot->p >= 0.1) : json(nullptr);
    j["bootstrap"] = {{"replicates", r.boot->replicates}, {"failed", r.boot->failed}, {"seed", o.seed},
                      {"threads", threads}};
  } else {
    j["p"] = nullptr;
    j["plausible"] = nullptr;
    j["bootstrap"] = {{"replicates", 0}};
  }
  json comps = json::array();
  for (const auto& c : r.comparisons) {
    json params = json::object();
    for (const auto& [k, v] : c.alternative.params) params[k] = NumOrNull(v);
    comps.push_back({{"alternative", AlternativeName(c.alternative.kind)},
                     {"params", params},
                     {"log_likelihood", NumOrNull(c.alternative.log_likelihood)},
                     {"log_ratio", NumOrNull(c.test.log_ratio)},
                     {"normalised_ratio", NumOrNull(c.test.normalised)},
                     {"p", NumOrNull(c.test.p)},
                     {"test", c.test.nested ? "nested_chi2" : "vuong"},
                     {"favours", c.favours},
                     {"power_law_limit", c.alternative.power_law_limit}});
  }
  j["comparisons"] = comps;
  j["summary"] = FitSummary(r);
  return j;
}

json TrendJson(const TrendResult& t, const std::string& file) {
  json periods = json::array();
  for (const auto& p : t.periods) {
    periods.push_back({{"first_year", p.first_year}, {"last_year", p.last_year}, {"attacks", p.attacks},
                       {"known", p.known}, {"low", p.low}, {"low_share", NumOrNull(p.low_share)},
                       {"low_share_ci", {NumOrNull(p.low_share_lo), NumOrNull(p.low_share_hi)}}, {"median", NumOrNull(p.median)},
                       {"mean", NumOrNull(p.mean)}, {"n_tail", p.n_tail}, {"alpha", NumOrNull(p.alpha)},
                       {"alpha_ci", {NumOrNull(p.alpha_lo), NumOrNull(p.alpha_hi)}}});
  }
  auto mk = [](const MannKendall& m) {
    return json{{"periods", m.n}, {"s", NumOrNull(m.s)}, {"tau", NumOrNull(m.tau)}, {"z", NumOrNull(m.z)}, {"p", NumOrNull(m.p)}};
  };
  return {{"file", file},
          {"threshold", t.threshold},
          {"xmin", t.xmin},
          {"discrete", t.discrete},
          {"undated", t.undated},
          {"unknown", t.unknown},
          {"periods", periods},
          {"logistic", {{"slope_per_year", NumOrNull(t.logistic.slope)}, {"slope_se", NumOrNull(t.logistic.slope_se)},
                        {"odds_ratio_per_year", NumOrNull(t.logistic.odds_ratio_per_year)}, {"p", NumOrNull(t.logistic.p)},
                        {"fitted_share_first", NumOrNull(t.logistic.fitted_first)},
                        {"fitted_share_last", NumOrNull(t.logistic.fitted_last)}}},
          {"mann_kendall_share", mk(t.share_trend)},
          {"mann_kendall_alpha", mk(t.alpha_trend)},
          {"verdict", t.verdict},
          {"sentence", t.sentence}};
}

}  // namespace ftf::severity
