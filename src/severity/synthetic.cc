#include "severity/synthetic.h"

#include <cmath>

#include <fmt/format.h>

#include "core/csv.h"
#include "severity/power_law_sampler.h"
#include "severity/rng.h"

namespace ftf::severity {

std::vector<Event> GenerateEvents(const SyntheticEventsOptions& o) {
  std::vector<Event> out;
  Rng rng(o.seed);
  const PowerLawSampler tail(true, o.alpha, o.threshold + 1.0);
  const int span = std::max(1, o.last_year - o.first_year);
  size_t line = 2;  // line 1 is the CSV header
  for (int year = o.first_year; year <= o.last_year; ++year) {
    const double f = static_cast<double>(year - o.first_year) / span;
    const double share = o.low_share_first + f * (o.low_share_last - o.low_share_first);
    for (int i = 0; i < o.per_year; ++i) {
      Event e;
      e.line = line++;
      e.year = year;
      e.month = 1 + static_cast<int>(rng.Below(12));
      e.day = 1 + static_cast<int>(rng.Below(28));
      e.country = "XXX";
      e.attack_type = "synthetic";
      e.group = "synthetic";
      e.source = fmt::format("synthetic seed {}", o.seed);
      if (rng.Uniform() < share) {
        e.deaths = static_cast<double>(rng.Below(static_cast<uint64_t>(o.threshold) + 1));
      } else {
        e.deaths = tail.Draw(rng);
      }
      e.wounded = std::floor(e.deaths * 2.0 * rng.Uniform());
      out.push_back(std::move(e));
    }
  }
  return out;
}

std::string EventsToCsv(const std::vector<Event>& events) {
  std::string out = "date,country,deaths,wounded,attack_type,group,source\n";
  for (const Event& e : events) {
    std::string date = e.year ? fmt::format("{:04d}", e.year) : "";
    if (e.year && e.month) date += fmt::format("-{:02d}", e.month);
    if (e.year && e.month && e.day) date += fmt::format("-{:02d}", e.day);
    auto num = [](double v) { return std::isnan(v) ? std::string() : fmt::format("{:g}", v); };
    out += fmt::format("{},{},{},{},{},{},{}\n", date, CsvField(e.country), num(e.deaths), num(e.wounded),
                       CsvField(e.attack_type), CsvField(e.group), CsvField(e.source));
  }
  return out;
}

std::vector<double> GenerateSeverities(const SyntheticSeveritiesOptions& o) {
  std::vector<double> out(o.n);
  Rng rng(o.seed);
  const PowerLawSampler tail(o.discrete, o.alpha, o.xmin);
  const bool has_body = o.xmin > 1;
  for (double& x : out) {
    if (!has_body || rng.Uniform() < o.tail_share) {
      x = tail.Draw(rng);
    } else if (o.discrete) {
      x = 1.0 + static_cast<double>(rng.Below(static_cast<uint64_t>(o.xmin) - 1));
    } else {
      x = 1.0 + (o.xmin - 1.0) * rng.Uniform();
    }
  }
  return out;
}

}  // namespace ftf::severity
