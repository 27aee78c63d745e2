// ftfwatch severity: heavy-tail statistics of attack severity (src/severity, docs/severity.md).
//   severity fit FILE       power-law fit, goodness of fit, comparison with alternatives
//   severity trend FILE     low-casualty share and tail exponent over time, with a verdict
//   severity simulate       deterministic synthetic data (never real attacks)
#include <algorithm>
#include <cmath>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/options.h"
#include "report/table.h"
#include "severity/alternatives.h"
#include "severity/analysis.h"
#include "severity/bootstrap.h"
#include "severity/events_reader.h"
#include "severity/power_law_fit.h"
#include "severity/svg_plot.h"
#include "severity/synthetic.h"
#include "severity/trend.h"

namespace ftf::cli {
namespace {

using json = nlohmann::json;
namespace sev = ftf::severity;



std::string Fixed(double v, int decimals) { return std::isfinite(v) ? fmt::format("{:.{}f}", v, decimals) : "–"; }

std::string PText(double p) {
  if (!std::isfinite(p)) return "–";
  if (p < 0.001) return "<0.001";
  return fmt::format("{:.3f}", p);
}

// ---- fit ----------------------------------------------------------------------------------

struct FitOptions {
  std::string file;
  std::string column = "deaths";
  bool discrete = false, continuous = false;
  int bootstrap = 1000;
  int threads = 0;
  uint64_t seed = 1;
  std::string format = "table";
  std::string plot;
  std::optional<double> xmin;
  double max_xmin = std::numeric_limits<double>::infinity();
  double scale = 1.0;
  bool compare = true;
};

std::string FitText(const FitOptions& o, const sev::FitJobResult& r, OutputFormat format) {
  Table t({"quantity", "value"}, {Align::kLeft, Align::kRight});
  t.AddRow({"file", fmt::format("{} ({} layout, column {})", r.file.name, sev::EventLayoutName(r.file.layout), o.column)});
  t.AddRow({"model", r.fit.discrete ? "discrete power law" : "continuous power law"});
  t.AddRow({"events / unknown / zero", fmt::format("{} / {} / {}", FormatCount(static_cast<double>(r.file.events.size())),
                                                   FormatCount(static_cast<double>(r.column.unknown)),
                                                   FormatCount(static_cast<double>(r.column.zeros)))});
  t.AddRow({"n (positive values)", FormatCount(r.fit.n)});
  t.AddRow({"xmin", fmt::format("{:g}", r.fit.xmin)});
  t.AddRow({"alpha ± se", fmt::format("{:.4f} ± {:.4f}", r.fit.alpha, r.fit.sigma_alpha)});
  t.AddRow({"n_tail", FormatCount(r.fit.n_tail)});
  t.AddRow({"KS distance", fmt::format("{:.6f}", r.fit.ks)});
  if (r.boot) {
    t.AddRow({"p (goodness of fit)", fmt::format("{} ({} replicates, seed {}{})", Fixed(r.boot->p, 3), r.boot->replicates,
                                                 o.seed, r.boot->failed ? fmt::format(", {} failed", r.boot->failed) : "")});
  } else {
    t.AddRow({"p (goodness of fit)", "not computed (--bootstrap 0)"});
  }
  Table c({"alternative", "parameters", "LR", "normalised", "p", "favours"},
          {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kLeft});
  for (const auto& cmp : r.comparisons) {
    std::string params;
    for (const auto& [k, v] : cmp.alternative.params) params += fmt::format("{}{}={:.3g}", params.empty() ? "" : " ", k, v);
    if (cmp.alternative.power_law_limit) params += " (power-law limit)";
    c.AddRow({sev::AlternativeName(cmp.alternative.kind), params, Fixed(cmp.test.log_ratio, 3),
              Fixed(cmp.test.normalised, 3), PText(cmp.test.p) + (cmp.test.nested ? " (nested)" : ""), cmp.favours});
  }
  std::string out;
  if (format == OutputFormat::kMarkdown) {
    out = t.RenderMarkdown() + "\n" + c.RenderMarkdown();
  } else if (format == OutputFormat::kCsv) {
    out = t.RenderCsv() + "\n" + c.RenderCsv();
    return out;
  } else {
    out = t.RenderText(100) + "\nLikelihood-ratio tests on the tail (LR > 0 favours the power law):\n" + c.RenderText(100);
  }
  out += "\n" + sev::FitSummary(r) + "\n";
  return out;
}

Status RunFit(const FitOptions& o) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "json", "csv", "md"}));
  if (o.discrete && o.continuous) return Status::InvalidArgument("--discrete and --continuous exclude each other");
  sev::FitJobOptions jo;
  jo.column = o.column;
  if (o.discrete) jo.discrete = true;
  if (o.continuous) jo.discrete = false;
  jo.bootstrap = o.bootstrap;
  jo.threads = o.threads;
  jo.seed = o.seed;
  jo.xmin = o.xmin;
  jo.max_xmin = o.max_xmin;
  jo.scale = o.scale;
  jo.compare = o.compare;
  FTF_ASSIGN_OR_RETURN(std::string text, ReadInput(o.file));
  FTF_ASSIGN_OR_RETURN(sev::FitJobResult r, sev::RunFitJob(text, o.file == "-" ? "<stdin>" : o.file, jo));
  if (!o.plot.empty()) {
    FTF_RETURN_IF_ERROR(WriteOutput(
        o.plot, sev::CcdfSvg(r.sample, r.fit, fmt::format("{}: {} per event, P(X ≥ x)", r.file.name, o.column))));
  }
  if (format == OutputFormat::kJson) return WriteOutput("", sev::FitJson(r).dump(2) + "\n");
  return WriteOutput("", FitText(o, r, format));
}

// ---- trend --------------------------------------------------------------------------------

struct TrendCliOptions {
  std::string file;
  std::string by = "year";
  double threshold = 1;
  std::optional<double> xmin;
  int bootstrap = 200;
  uint64_t seed = 1;
  int threads = 0;
  int min_tail = 10;
  std::string format = "table";
  std::string plot;
};

Status RunTrend(const TrendCliOptions& o) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "json", "csv", "md"}));
  sev::TrendOptions to;
  FTF_ASSIGN_OR_RETURN(to.period_years, sev::ParsePeriod(o.by));
  if (o.bootstrap < 0) return Status::InvalidArgument("--bootstrap: must be >= 0");
  to.threshold = o.threshold;
  to.xmin = o.xmin;
  to.bootstrap = o.bootstrap;
  to.seed = o.seed;
  to.min_tail = o.min_tail;
  to.threads = o.threads > 0 ? o.threads : sev::DefaultThreads();
  FTF_ASSIGN_OR_RETURN(std::string text, ReadInput(o.file));
  FTF_ASSIGN_OR_RETURN(sev::EventFile file, sev::ParseEvents(text, o.file == "-" ? "<stdin>" : o.file));
  FTF_ASSIGN_OR_RETURN(sev::TrendResult t, sev::AnalyseTrend(file, to));
  if (!o.plot.empty()) {
    FTF_RETURN_IF_ERROR(WriteOutput(o.plot, sev::TrendSvg(t, fmt::format("{}: severity over time", file.name))));
  }
  if (format == OutputFormat::kJson) return WriteOutput("", sev::TrendJson(t, file.name).dump(2) + "\n");
  Table table({"period", "attacks", "known", fmt::format("≤{:g} deaths", t.threshold), "95% CI", "median", "mean",
               "n_tail", "alpha", "95% CI"},
              {Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight, Align::kRight, Align::kRight,
               Align::kRight, Align::kRight, Align::kRight});
  for (const auto& p : t.periods) {
    table.AddRow({p.first_year == p.last_year ? fmt::format("{}", p.first_year)
                                              : fmt::format("{}–{}", p.first_year, p.last_year),
                  FormatCount(static_cast<double>(p.attacks)), FormatCount(static_cast<double>(p.known)),
                  std::isfinite(p.low_share) ? fmt::format("{:.1f}%", 100 * p.low_share) : "–",
                  std::isfinite(p.low_share_lo) ? fmt::format("{:.1f}–{:.1f}%", 100 * p.low_share_lo, 100 * p.low_share_hi) : "–",
                  Fixed(p.median, 1), Fixed(p.mean, 2), FormatCount(static_cast<double>(p.n_tail)), Fixed(p.alpha, 2),
                  std::isfinite(p.alpha_lo) ? fmt::format("{:.2f}–{:.2f}", p.alpha_lo, p.alpha_hi) : "–"});
  }
  if (format == OutputFormat::kCsv) return WriteOutput("", table.RenderCsv());
  std::string out = format == OutputFormat::kMarkdown ? table.RenderMarkdown() : table.RenderText(110);
  out += fmt::format("\nTail exponent at xmin = {:g} in every period ({}). {} undated, {} with unknown deaths left out.\n\n",
                     t.xmin, t.discrete ? "discrete" : "continuous", t.undated, t.unknown);
  out += t.sentence + "\n";
  return WriteOutput("", out);
}

// ---- simulate -----------------------------------------------------------------------------

struct SimulateOptions {
  bool events = false;
  size_t n = 10000;
  double alpha = 2.5;
  double xmin = 10;
  double tail_share = 0.3;
  bool continuous = false;
  uint64_t seed = 1;
  int first_year = 1970, last_year = 2019, per_year = 300, threshold = 1;
  double low_from = 0.5, low_to = 0.5;
  std::string output;
};

Status RunSimulate(const SimulateOptions& o) {
  if (!(o.alpha > 1)) return Status::InvalidArgument("--alpha: must be > 1");
  if (o.events) {
    if (o.last_year < o.first_year) return Status::InvalidArgument("--last-year: before --first-year");
    if (o.low_from < 0 || o.low_from > 1 || o.low_to < 0 || o.low_to > 1) {
      return Status::InvalidArgument("--low-share-from/--low-share-to: must be between 0 and 1");
    }
    sev::SyntheticEventsOptions e;
    e.first_year = o.first_year;
    e.last_year = o.last_year;
    e.per_year = o.per_year;
    e.low_share_first = o.low_from;
    e.low_share_last = o.low_to;
    e.threshold = o.threshold;
    e.alpha = o.alpha;
    e.seed = o.seed;
    return WriteOutput(o.output, sev::EventsToCsv(sev::GenerateEvents(e)));
  }
  if (!(o.xmin >= 1) || (!o.continuous && o.xmin != std::floor(o.xmin))) {
    return Status::InvalidArgument("--xmin: must be >= 1 (a whole number unless --continuous)");
  }
  sev::SyntheticSeveritiesOptions s;
  s.n = o.n;
  s.alpha = o.alpha;
  s.xmin = o.xmin;
  s.tail_share = o.tail_share;
  s.discrete = !o.continuous;
  s.seed = o.seed;
  std::string out;
  out.reserve(o.n * 4);
  for (double v : sev::GenerateSeverities(s)) out += fmt::format("{:.17g}\n", v);
  return WriteOutput(o.output, out);
}

// ---- registration -------------------------------------------------------------------------

void Setup(CLI::App& app, Context& ctx) {
  CLI::App* sev_cmd = app.add_subcommand(
      "severity", "Deaths per attack: power-law tail (Clauset, Shalizi & Newman 2009) and trends over time");
  sev_cmd->require_subcommand(1);

  auto f = std::make_shared<FitOptions>();
  CLI::App* fit = sev_cmd->add_subcommand("fit", "Power-law fit with xmin by KS, bootstrap p, and likelihood-ratio "
                                                 "tests against lognormal, exponential, stretched exponential, "
                                                 "cut-off (and Poisson)");
  fit->add_option("FILE", f->file, "Events CSV (simple schema or GTD layout) or one number per line; - = stdin")
      ->required();
  fit->add_option("--column", f->column, "deaths, wounded or casualties")->capture_default_str();
  auto* d = fit->add_flag("--discrete", f->discrete, "Fit a discrete power law (default when all values are whole)");
  auto* c = fit->add_flag("--continuous", f->continuous, "Fit a continuous power law");
  d->excludes(c);
  fit->add_option("--bootstrap", f->bootstrap, "Replicates for the goodness-of-fit p (0: skip)")->capture_default_str();
  fit->add_option("--threads", f->threads, "Worker threads (default: all cores)");
  fit->add_option("--seed", f->seed, "Random seed; same seed, same p")->capture_default_str();
  fit->add_option("--format", f->format, "table, json, csv or md")->capture_default_str();
  fit->add_option("--plot", f->plot, "Write the CCDF with the fitted tail as SVG to this file");
  fit->add_option("--xmin", f->xmin, "Fix xmin instead of scanning for it");
  fit->add_option("--max-xmin", f->max_xmin, "Scan xmin only up to this value (poweRlaw's xmax)");
  fit->add_option("--scale", f->scale, "Multiply every value by this first (e.g. 1e-3 for thousands)");
  fit->add_flag("!--no-compare", f->compare, "Skip the likelihood-ratio tests against the alternatives");
  fit->callback([f, &ctx] { ctx.exit_code = Report(RunFit(*f)); });

  auto t = std::make_shared<TrendCliOptions>();
  CLI::App* trend = sev_cmd->add_subcommand(
      "trend", "Per-period share of low-casualty attacks and tail exponent, trend tests, and a verdict on the forecast");
  trend->add_option("FILE", t->file, "Events CSV with dates (simple schema or GTD layout); - = stdin")->required();
  trend->add_option("--by", t->by, "Period: year or N-years (e.g. 5-years)")->capture_default_str();
  trend->add_option("--threshold", t->threshold, "K: low casualty means at most K deaths")->capture_default_str();
  trend->add_option("--xmin", t->xmin, "Tail threshold for the exponent (default: KS-optimal on all data)");
  trend->add_option("--bootstrap", t->bootstrap, "Replicates for each period's exponent interval")->capture_default_str();
  trend->add_option("--min-tail", t->min_tail, "Fewest tail values for an exponent")->capture_default_str();
  trend->add_option("--seed", t->seed, "Random seed")->capture_default_str();
  trend->add_option("--threads", t->threads, "Worker threads (default: all cores)");
  trend->add_option("--format", t->format, "table, json, csv or md")->capture_default_str();
  trend->add_option("--plot", t->plot, "Write the share and exponent over time as SVG to this file");
  trend->callback([t, &ctx] { ctx.exit_code = Report(RunTrend(*t)); });

  auto s = std::make_shared<SimulateOptions>();
  CLI::App* sim = sev_cmd->add_subcommand("simulate", "Deterministic synthetic severities or events (for tests and "
                                                      "benchmarks; never real attacks)");
  sim->add_flag("--events", s->events, "Events CSV (simple schema) instead of plain values");
  sim->add_option("--n", s->n, "Values to draw")->capture_default_str();
  sim->add_option("--alpha", s->alpha, "Tail exponent")->capture_default_str();
  sim->add_option("--xmin", s->xmin, "Where the power-law tail starts")->capture_default_str();
  sim->add_option("--tail-share", s->tail_share, "Share of values in the tail")->capture_default_str();
  sim->add_flag("--continuous", s->continuous, "Real-valued draws");
  sim->add_option("--first-year", s->first_year, "Events: first year")->capture_default_str();
  sim->add_option("--last-year", s->last_year, "Events: last year")->capture_default_str();
  sim->add_option("--per-year", s->per_year, "Events per year")->capture_default_str();
  sim->add_option("--threshold", s->threshold, "Events: K, low casualty means at most K deaths")->capture_default_str();
  sim->add_option("--low-share-from", s->low_from, "Events: low-casualty share in the first year")->capture_default_str();
  sim->add_option("--low-share-to", s->low_to, "Events: low-casualty share in the last year")->capture_default_str();
  sim->add_option("--seed", s->seed, "Random seed")->capture_default_str();
  sim->add_option("-o,--output", s->output, "Output file (default: stdout)");
  sim->callback([s, &ctx] { ctx.exit_code = Report(RunSimulate(*s)); });
}

FTF_REGISTER_COMMAND(80, Setup);

}  // namespace
}  // namespace ftf::cli
