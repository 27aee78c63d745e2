// Evaluator: scores the extractor against annotated passages in the format of
// ../shared/extraction/dev.jsonl, as that folder's README suggests.
//
// Per passage: a prediction matches a gold claim when category, subgroup, scope and unit are
// equal and the intervals agree (both give best and they are within 1 %, or neither does and
// low and high are both null or within 1 %). Gold claims are matched greedily in order, ties
// broken by cue-span overlap; unmatched predictions are false alarms. Counts add up over the
// set. Field accuracies are measured on pairs aligned by cue span (a prediction whose cue
// overlaps the gold cue), so a wrong scope shows as a scope error, not only as a miss.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/claim_extractor.h"
#include "ftfwatch/claim.h"
#include "ftfwatch/status.h"

namespace ftf::extract {

struct Counts {
  int64_t tp = 0, fp = 0, fn = 0;
  double Precision() const;  // NaN when nothing was predicted
  double Recall() const;     // NaN when there is nothing to find
  double F1() const;
};

struct FieldScore {
  int64_t aligned = 0;  // gold claims with a span-aligned prediction
  int64_t correct = 0;
  double Accuracy() const;
};

struct EvalItem {
  std::string id;
  Claim claim;  // the missed gold claim or the false alarm
};

struct EvalReport {
  Counts overall;
  std::map<std::string, Counts> by_category, by_qualifier, by_unit;
  // On span-aligned pairs: category, subgroup, scope, unit, qualifier, interval, attribution.
  std::map<std::string, FieldScore> fields;
  // On key-matched pairs.
  FieldScore qualifier_matched, attribution_strict, attribution_lenient, cue_overlap;
  int64_t passages = 0, negative_passages = 0, negative_with_output = 0, negative_false_alarms = 0;
  std::vector<EvalItem> misses, false_alarms;

  nlohmann::json ToJson() const;
  std::string ToText() const;
};

bool IntervalsAgree(const Claim& a, const Claim& b);

// Scores `extractor` on the JSONL text `gold` (one passage per line).
Result<EvalReport> Evaluate(std::string_view gold, const ClaimExtractor& extractor);

}  // namespace ftf::extract
