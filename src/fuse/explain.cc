#include "fuse/explain.h"

#include <fmt/format.h>

#include "core/number_format.h"

namespace ftf {
namespace {

std::string W(double w) { return fmt::format("{:.3f}", w); }

std::string KeyText(const LedgerKey& k) {
  return fmt::format("{} {} ({}, {})", k.scope, Name(k.category), Name(k.subgroup), Name(k.unit));
}

}  // namespace

Result<std::vector<ExplainStep>> Explain(const FusionResult& result, const LedgerKey& key, const FusionConfig& config) {
  const Estimate* e = result.Find(key);
  if (!e) return Status::NotFound(fmt::format("no estimate for {}", KeyText(key)));
  std::vector<ExplainStep> steps;

  ExplainStep claims{"Claims", {}};
  if (e->derived) {
    claims.lines.push_back(fmt::format("No claim states {} directly; it is derived from a share and the figure "
                                       "the share is of (see the constraints below).",
                                       KeyText(key)));
  } else {
    claims.lines.push_back(fmt::format(
        "{} claim{} for {}. Weight = kind of source × recency (half-life {} days, reference date {}).",
        e->n_claims, e->n_claims == 1 ? "" : "s", KeyText(key), config.recency_half_life_days, result.reference_date));
    for (const Evidence& ev : e->evidence)
      claims.lines.push_back(fmt::format("#{} {} ({}), {}{}{}: {} → {}; weight {} × {} = {}; window {}, {}", ev.claim_id,
                                         ev.source_id, Name(ev.kind), ev.as_of.empty() ? "undated" : ev.as_of,
                                         ev.copy_of.empty() ? std::string()
                                                            : fmt::format(" (copy of {}, dated {})", ev.copy_of,
                                                                          ev.copy_as_of.empty() ? "undated" : ev.copy_as_of),
                                         ev.claim_role == ClaimRole::kUnspecified
                                             ? std::string()
                                             : fmt::format(", {}", Name(ev.claim_role)),
                                         Name(ev.qualifier), ev.stated.ToString(), W(ev.kind_weight), W(ev.recency),
                                         W(ev.weight), ev.window, Name(ev.role)));
  }
  steps.push_back(std::move(claims));

  // Windows, oldest first: the order in which the bound is carried forward.
  for (size_t k = e->windows.size(); k-- > 0;) {
    const WindowStep& w = e->windows[k];
    ExplainStep s{fmt::format("Window {} ({} … {})", w.window, w.from, w.to), {}};
    s.lines.push_back(fmt::format("{} claim{} within {} days of each other{}.", w.used + w.outvoted + w.duplicates,
                                  w.used + w.outvoted + w.duplicates == 1 ? "" : "s", config.contemporaneous_days,
                                  w.duplicates ? fmt::format(" ({} repeated by the same source, counted once)", w.duplicates)
                                               : ""));
    if (w.variants)
      s.lines.push_back(fmt::format("{} publication{} (source and date, with the copies crediting it under other "
                                    "sources); copies of one publication count once, and {} cop{} figure{} set "
                                    "aside for the publication's headline, its own record or the figure its other "
                                    "copies agree on (a conflict where it does not restate that figure).",
                                    w.editions, w.editions == 1 ? "" : "s", w.variants, w.variants == 1 ? "y's" : "ies'",
                                    w.variants == 1 ? " was" : "s were"));
    if (w.groups > 1)
      s.lines.push_back(fmt::format("{} groups of consistent claims carry the same greatest weight {}: a tie, so the "
                                    "window's estimate covers all of them: {}.",
                                    w.groups, W(w.weight), w.selected.ToString()));
    else
      s.lines.push_back(fmt::format("The consistent claims intersect to {} (total weight {}).", w.selected.ToString(),
                                    W(w.weight)));
    if (w.outvoted)
      s.lines.push_back(fmt::format("{} claim{} did not overlap the heavier group and {} outvoted (a conflict).",
                                    w.outvoted, w.outvoted == 1 ? "" : "s", w.outvoted == 1 ? "was" : "were"));
    if (w.lower_bound) {
      if (w.decrease)
        s.lines.push_back(fmt::format("Older figures put the count at {} or more, above this window: counts only "
                                      "grow, so this is a conflict; the newer figure stands: {}.",
                                      FormatCount(*w.lower_bound), w.result.ToString()));
      else
        s.lines.push_back(fmt::format("Older windows bound it from below at {}: {}.", FormatCount(*w.lower_bound),
                                      w.result.ToString()));
    }
    steps.push_back(std::move(s));
  }
  int superseded = 0;
  for (const Evidence& ev : e->evidence) superseded += ev.role == EvidenceRole::kSuperseded;
  if (superseded)
    steps.push_back({"Older figures",
                     {fmt::format("{} older claim{} of this stock category (it can go down) {} superseded by the "
                                  "current window.",
                                  superseded, superseded == 1 ? "" : "s", superseded == 1 ? "is" : "are")}});

  ExplainStep cons{"Feasible bounds", {}};
  cons.lines.push_back(e->stated()
                           ? "The constraints between figures narrow a copy of the stated estimate into feasible "
                             "bounds; the stated estimate itself does not change."
                           : "No source states this figure; the constraints between figures give its feasible "
                             "bounds.");
  if (e->adjustments.empty()) cons.lines.push_back("No constraint with other figures narrowed them.");
  for (const Adjustment& a : e->adjustments)
    cons.lines.push_back(fmt::format("{}: {} → {}", a.constraint, a.before.ToString(), a.after.ToString()));
  cons.lines.push_back(fmt::format("Feasible bounds: {}.", e->bounds.ToString()));
  steps.push_back(std::move(cons));

  ExplainStep conf{"Conflicts", {}};
  for (const Conflict& c : result.conflicts) {
    bool touches = false;
    for (const LedgerKey& k : c.keys) touches = touches || k == key;
    if (touches) conf.lines.push_back(fmt::format("[{}, {}] {}", Name(c.kind), c.as_of, c.summary));
  }
  if (conf.lines.empty()) conf.lines.push_back("None.");
  steps.push_back(std::move(conf));

  std::string figure = !e->stated() ? "no stated figure"
                       : e->wording.empty() ? e->interval.ToString()
                                            : fmt::format("{}, read as {}", e->wording, e->interval.ToString());
  steps.push_back({"Result",
                   {fmt::format("{} as of {}: stated estimate {}; feasible bounds {}{}", KeyText(key),
                                e->as_of.empty() ? "(undated)" : e->as_of, figure, e->bounds.ToString(),
                                e->conflict ? " (in conflict: see above)" : "")}});
  return steps;
}

std::string ExplainText(const std::vector<ExplainStep>& steps) {
  std::string out;
  for (size_t i = 0; i < steps.size(); ++i) {
    out += fmt::format("{}. {}\n", i + 1, steps[i].title);
    for (const std::string& l : steps[i].lines) out += "   " + l + "\n";
  }
  return out;
}

}  // namespace ftf
