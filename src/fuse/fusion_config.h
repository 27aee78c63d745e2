// FusionConfig: the tunable parts of fusion (docs/fusion.md), read from data/config/fusion.json
// (compiled into the binary) or from a file given with --fusion-config.
//
// Every field has a documented default; a config file may leave any field out. Loading checks
// ranges and names and reports the offending field: "fusion.json: kind_weights.news: must be > 0".
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "claims/interval.h"
#include "ftfwatch/claim.h"
#include "ftfwatch/source.h"
#include "ftfwatch/status.h"

namespace ftf {

inline constexpr int kSourceKindCount = 6;  // SourceKind values, kGovernment .. kUnspecified

struct FusionConfig {
  // Weight of a claim by the kind of its source, indexed by SourceKind. Must be > 0.
  // Defaults: government and intergovernmental 1.0, think tank and academic 0.8, news 0.4,
  // unspecified 0.3.
  std::array<double, kSourceKindCount> kind_weights = {1.0, 1.0, 0.8, 0.8, 0.4, 0.3};

  // A claim's weight halves every this many days of age (age = reference date − claim date).
  // Default 730 (two years). Only ratios of weights matter inside a key, so the choice of
  // reference date does not change any estimate, only the weights shown.
  double recency_half_life_days = 730;

  // Claims of one key within this many days of the key's latest claim describe the same moment
  // and compete directly; older claims are history (lower bounds for cumulative categories,
  // superseded for stock categories). Default 183 (about six months).
  int contemporaneous_days = 183;

  // Cumulative categories only grow over time (departed, returned, killed, relocated, convicted,
  // affiliated). The others (detained, in_theater) are stocks that may go down.
  std::array<bool, kCategoryCount> cumulative = {true, true, true, false, false, true, true, true};

  // A group of mutually consistent claims is credible when its weight is at least this share of
  // the heaviest group's. 1.0 (default): only exact ties are kept beside the winner. Lower
  // values keep near-ties too, but then adding a consistent claim may widen an estimate.
  double credible_share = 1.0;

  // Copies under other sources (docs/fusion.md, "Copies under other sources"): a claim that
  // credits a stored source copies that source's latest publication dated at most
  // `copy_lead_days` after the claim (default 31: pages are often dated to the first of their
  // month, or a day before the report's release) and at most `copy_window_days` before it
  // (default 730: a figure credited more than two years later may come from a publication the
  // store lacks, and stays independent).
  int copy_lead_days = 31;
  int copy_window_days = 730;

  // The interval rules used to read claims (approx N -> N ± rounding + hedge · N).
  IntervalRules interval_rules;

  // Constraint propagation stops after this many passes even if something still changes.
  int max_passes = 50;

  // The reference date for recency ("YYYY-MM-DD"). Empty: the latest claim date in the input.
  // `--as-of D` sets it to D (the claims are filtered to what was published by D separately).
  std::string as_of;

  double KindWeight(SourceKind k) const { return kind_weights[static_cast<int>(k)]; }
  bool IsCumulative(Category c) const { return cumulative[static_cast<int>(c)]; }
};

// Parses a fusion config (JSON, the format of data/config/fusion.json). `name` is used in
// messages. Fields left out keep the defaults above; unknown fields are errors (a typo should
// not silently fall back to a default).
Result<FusionConfig> ParseFusionConfig(std::string_view json_text, const std::string& name);

// The bundled data/config/fusion.json (equal to FusionConfig{} unless the file was edited).
Result<FusionConfig> DefaultFusionConfig();

}  // namespace ftf
