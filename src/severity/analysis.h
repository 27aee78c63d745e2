// The severity analyses end to end — events text in, fit or trend out, with their JSON —
// shared by `ftfwatch severity` and the HTTP API (POST /api/severity), so both give the same
// numbers and the same fields (docs/severity.md).
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ftfwatch/status.h"
#include "severity/alternatives.h"
#include "severity/bootstrap.h"
#include "severity/events_reader.h"
#include "severity/power_law_fit.h"
#include "severity/trend.h"

namespace ftf::severity {

struct FitJobOptions {
  std::string column = "deaths";  // which column of an events CSV
  std::optional<bool> discrete;   // force discrete (true) or continuous (false); default: from the data
  int bootstrap = 1000;           // goodness-of-fit replicates; 0 = no p-value
  int threads = 0;                // 0 = all cores
  uint64_t seed = 1;              // results are reproducible for a seed (and any thread count)
  std::optional<double> xmin;     // fix xmin instead of scanning
  double max_xmin = std::numeric_limits<double>::infinity();
  double scale = 1.0;             // multiply values (blackouts: 1e-3)
  bool compare = true;            // likelihood-ratio tests against the alternatives
};

struct FitJobResult {
  FitJobOptions options;
  int threads = 1;  // resolved
  EventFile file;
  ColumnValues column;
  SortedSample sample;
  PowerLawFit fit;
  std::optional<BootstrapResult> boot;
  std::vector<Comparison> comparisons;
};

// Parses `text` (events CSV, GTD layout or one number per line; `name` is used in messages)
// and runs the fit. Errors name FILE:LINE: field.
Result<FitJobResult> RunFitJob(std::string_view text, const std::string& name, const FitJobOptions& o);

// One plain paragraph: plausible or not, and which alternatives fit better or worse.
std::string FitSummary(const FitJobResult& r);
// {file, layout, column, discrete, n, xmin, alpha, sigma_alpha, ks, n_tail, p, comparisons, summary, …}
nlohmann::json FitJson(const FitJobResult& r);
nlohmann::json TrendJson(const TrendResult& t, const std::string& file);

// NaN -> null, so JSON readers never see a made-up number.
nlohmann::json NumOrNull(double v);
// All cores (at least 1).
int DefaultThreads();

}  // namespace ftf::severity
