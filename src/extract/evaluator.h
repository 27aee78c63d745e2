// Evaluator: scores the extractor against annotated passages or pages, as the extraction
// README (../shared/extraction/README.md) suggests.
//
// Two record formats, one JSON object a line:
// - passages with their text inline (tests/fixtures/extraction/dev.jsonl): gold cues are found
//   in the text by string search;
// - real pages without text (tests/realpages/pages_*.jsonl): the text is read from
//   `<texts_dir>/<id>.txt`, and gold claims carry the `span` of their cue, which is used as is.
//   A page whose text file is missing is skipped and counted, never scored as empty.
//
// Per record: a prediction matches a gold claim when category, subgroup, scope and unit are
// equal and the intervals agree (both give best and they are within 1 %, or neither does and
// low and high are both null or within 1 %). Gold claims are matched greedily in order, ties
// broken by cue-span overlap; unmatched predictions are false alarms. Counts add up over the
// set, and separately per `split` (tune/test) when records carry one. Field accuracies are
// measured on pairs aligned by cue span (a prediction whose cue overlaps the gold cue), so a
// wrong scope shows as a scope error, not only as a miss. Each claim is also counted under the
// constructions of its cue's context (constructions.h) and, for predictions, under the rule that
// decided its category, so errors can be traced to a family of wording.
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
  std::string why;  // for false alarms: the rule that decided the prediction
};

// The scores of a set of records (the whole set, or one split of it).
struct EvalSection {
  Counts overall;
  std::map<std::string, Counts> by_category, by_qualifier, by_unit;
  // Gold claims (tp, fn) and predictions (fp) by the constructions of their cue's context.
  std::map<std::string, Counts> by_construction;
  // Predictions (tp, fp) by the rule that decided their category; fn is not counted here.
  std::map<std::string, Counts> by_rule;
  // On span-aligned pairs: category, subgroup, scope, unit, qualifier, interval, attribution.
  std::map<std::string, FieldScore> fields;
  // On key-matched pairs.
  FieldScore qualifier_matched, attribution_strict, attribution_lenient, cue_overlap;
  int64_t passages = 0, negative_passages = 0, negative_with_output = 0, negative_false_alarms = 0;
};

struct EvalReport : EvalSection {
  std::map<std::string, EvalSection> splits;  // by the records' "split" field, when present
  int64_t skipped_without_text = 0;           // records with no inline text and no text file
  std::vector<EvalItem> misses, false_alarms;

  nlohmann::json ToJson() const;
  // `details`: list every miss and false alarm (off for a summary of a held-out split).
  std::string ToText(bool details = true) const;
};

struct EvalOptions {
  std::string texts_dir;   // where `<id>.txt` page texts are; empty: only inline texts
  std::string only_split;  // score only records whose "split" is this; empty: all
  bool rerank = true;      // ExtractOptions::rerank (false: the rules' claims as they are)
};

bool IntervalsAgree(const Claim& a, const Claim& b);

// Adds the counts and lists of `from` to `into` (scores of several set files together).
void Merge(EvalReport& into, const EvalReport& from);

// Scores `extractor` on the JSONL text `gold` (one record per line). Errors name the line and
// the record's id.
Result<EvalReport> Evaluate(std::string_view gold, const ClaimExtractor& extractor, const EvalOptions& opts = {});

}  // namespace ftf::extract
