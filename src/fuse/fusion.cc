#include "fuse/fusion.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "fuse/constraints.h"
#include "fuse/copies.h"
#include "fuse/reconciler.h"
#include "fuse/weights.h"
#include "core/number_format.h"

namespace ftf {
namespace {

bool IsCount(Unit u) { return u != Unit::kShare; }

struct SourceInfo {
  SourceKind kind = SourceKind::kUnspecified;
  std::optional<int> published;
};

ClaimRef MakeRef(const Evidence& e, const Claim& c, const LedgerKey& key) {
  ClaimRef r;
  r.id = e.claim_id;
  r.key = key;
  r.source_id = e.source_id;
  r.kind = e.kind;
  r.as_of = e.copy_of.empty() ? e.as_of : e.copy_as_of;
  r.copy_of = e.copy_of;
  r.qualifier = c.qualifier;
  r.low = c.low;
  r.best = c.best;
  r.high = c.high;
  r.interval = e.stated;
  r.weight = e.weight;
  r.cue = c.cue;
  r.sentence = c.sentence;
  r.page = c.page;
  r.note = c.note;
  return r;
}

std::string SideText(const ConflictSide& s) {
  std::string out;
  std::set<std::string> seen;
  for (const ClaimRef& r : s.claims) {
    std::string one = fmt::format("{} ({})", FigureText(r.qualifier, r.low, r.best, r.high), r.source_id);
    if (!seen.insert(one).second) continue;
    if (seen.size() > 4) {
      out += ", …";
      break;
    }
    out += (out.empty() ? "" : ", ") + one;
  }
  if (out.empty()) out = s.interval.ToString();
  return out;
}

std::string Summary(const Conflict& c, const Interval& estimate) {
  std::string sides;
  for (const ConflictSide& s : c.sides) sides += (sides.empty() ? "" : " vs ") + SideText(s);
  switch (c.kind) {
    case ConflictKind::kDisagreement: {
      bool tie = std::count_if(c.sides.begin(), c.sides.end(), [](const ConflictSide& s) { return s.credible; }) > 1;
      if (tie) return sides + ": equally weighted figures do not overlap; the estimate covers both (" +
                      estimate.ToString() + ")";
      return sides + ": the figures do not overlap; the heavier side is used, the other is flagged";
    }
    case ConflictKind::kDecrease:
      return sides + ": a newer figure lies below an older one, but counts only grow; the newer figure stands (" +
             estimate.ToString() + ")";
    case ConflictKind::kConstraint: return sides;
    case ConflictKind::kCopies:
      return sides + ": copies of one publication print different figures; the edition's own figure is used (" +
             estimate.ToString() + ")";
  }
  return sides;
}

// Used claims of the current window of `e`, as ClaimRefs.
std::vector<ClaimRef> UsedRefs(const Estimate& e, const std::vector<Claim>& claims) {
  std::vector<ClaimRef> out;
  for (const Evidence& ev : e.evidence)
    if (ev.window == 0 && ev.role == EvidenceRole::kUsed) out.push_back(MakeRef(ev, claims[ev.input_index], e.key));
  return out;
}

// The estimate in a source's words, when one used claim of the current window states exactly
// the estimate's interval ("more than 40,000" reads ">40,000", not "≥40,001").
std::string Wording(const Estimate& e, const std::vector<Claim>& claims) {
  if (!e.stated()) return "";
  for (const Evidence& ev : e.evidence) {
    if (ev.window != 0 || ev.role != EvidenceRole::kUsed) continue;
    const Interval& a = ev.stated;
    const Interval& b = e.interval;
    if (a.low != b.low || a.high != b.high || a.low_strict != b.low_strict || a.high_strict != b.high_strict) continue;
    const Claim& c = claims[ev.input_index];
    return FigureText(c.qualifier, c.low, c.best, c.high);
  }
  return "";
}

}  // namespace

const Estimate* FusionResult::Find(const LedgerKey& key) const {
  auto it = std::lower_bound(estimates.begin(), estimates.end(), key,
                             [](const Estimate& e, const LedgerKey& k) { return e.key < k; });
  if (it == estimates.end() || !(it->key == key)) return nullptr;
  return &*it;
}

Result<FusionResult> Fuse(const std::vector<Claim>& claims, const std::map<std::string, Source>& sources,
                          const FusionConfig& config, const Gazetteer& geo) {
  FusionResult result;
  std::optional<int> reference;
  if (!config.as_of.empty()) {
    reference = DayNumber(config.as_of);
    if (!reference) return Status::InvalidArgument(fmt::format("as_of: not a date (YYYY-MM-DD): '{}'", config.as_of));
  }
  std::unordered_map<std::string, SourceInfo> source_info;
  for (const auto& [id, s] : sources) source_info[id] = {s.kind, DayNumber(s.published)};

  // Claim dates, scopes and keys. Scope ids follow the scopes' sort order so that sorting by
  // the packed key code sorts by LedgerKey.
  std::vector<int> day(claims.size(), 0);
  std::vector<uint8_t> valid(claims.size(), 0);
  std::unordered_map<std::string, uint32_t> scope_id;
  std::vector<std::string> scope_names;
  int latest = std::numeric_limits<int>::min();
  constexpr int kUndated = std::numeric_limits<int>::min() / 2;
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (!ValidateClaimShape(c).ok()) continue;
    valid[i] = 1;
    std::optional<int> d = DayNumber(c.as_of);
    if (!d) {
      auto it = source_info.find(c.source_id);
      if (it != source_info.end()) d = it->second.published;
    }
    day[i] = d.value_or(kUndated);
    if (d) latest = std::max(latest, *d);
    if (scope_id.emplace(c.scope, 0).second) scope_names.push_back(c.scope);
  }
  std::sort(scope_names.begin(), scope_names.end());
  // Copies under other sources: which edition each crediting claim belongs to.
  std::unordered_map<std::string, int> claims_per_source;
  for (size_t i = 0; i < claims.size(); ++i)
    if (valid[i]) ++claims_per_source[claims[i].source_id];
  const CopyIndex copy_index(sources, claims_per_source, config);
  std::vector<std::optional<CopyTarget>> copy_target(claims.size());
  for (size_t i = 0; i < claims.size(); ++i)
    if (valid[i] && claims[i].attributed_to) copy_target[i] = copy_index.EditionOf(claims[i], day[i]);
  for (uint32_t s = 0; s < scope_names.size(); ++s) scope_id[scope_names[s]] = s;
  const int ref = reference.value_or(latest == std::numeric_limits<int>::min() ? 0 : latest);
  result.reference_date = reference || latest != std::numeric_limits<int>::min() ? DayToIso(ref) : "";

  struct Row {
    uint64_t code;
    size_t index;
  };
  std::vector<Row> rows;
  rows.reserve(claims.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    if (!valid[i]) continue;
    const Claim& c = claims[i];
    uint64_t code = (static_cast<uint64_t>(scope_id[c.scope]) << 16) | (static_cast<uint64_t>(c.category) << 8) |
                    (static_cast<uint64_t>(c.subgroup) << 4) | static_cast<uint64_t>(c.unit);
    rows.push_back({code, i});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return a.code != b.code ? a.code < b.code : a.index < b.index;
  });

  // Per key: reconcile.
  struct PendingConflict {
    size_t estimate;
    KeyConflict conflict;
  };
  std::vector<PendingConflict> pending;
  for (size_t i = 0; i < rows.size();) {
    size_t j = i;
    while (j < rows.size() && rows[j].code == rows[i].code) ++j;
    const Claim& first = claims[rows[i].index];
    Estimate est;
    est.key = LedgerKey{first.scope, first.category, first.subgroup, first.unit};
    const bool counts = IsCount(est.key.unit);
    est.evidence.reserve(j - i);
    std::vector<std::optional<CopyTarget>> targets;
    targets.reserve(j - i);
    for (size_t k = i; k < j; ++k) {
      const Claim& c = claims[rows[k].index];
      Evidence e;
      e.claim_id = c.id;
      e.input_index = rows[k].index;
      e.source_id = c.source_id;
      auto it = source_info.find(c.source_id);
      e.kind = it == source_info.end() ? SourceKind::kUnspecified : it->second.kind;
      e.day = day[rows[k].index];
      e.as_of = !c.as_of.empty() ? c.as_of : (e.day == kUndated ? std::string() : DayToIso(e.day));
      e.qualifier = c.qualifier;
      e.claim_role = c.role;
      e.stated = ClaimInterval(c, config.interval_rules);
      if (counts) e.stated = SnapToCounts(e.stated);
      targets.push_back(copy_target[rows[k].index]);
      est.evidence.push_back(std::move(e));
    }
    DateCopiesByEdition(est.evidence, targets, config.copy_lead_days);
    for (Evidence& e : est.evidence) {
      ClaimWeight w = WeighClaim(e.kind, e.day == kUndated ? ref - 3650 : e.day, ref, config);
      e.kind_weight = w.kind;
      e.recency = w.recency;
      e.weight = w.weight;
    }
    Reconciled rec = Reconcile(est.evidence, config.IsCumulative(est.key.category), counts, config);
    est.interval = rec.interval;
    est.bounds = rec.interval;
    est.bounds.best.reset();
    est.as_of = rec.as_of;
    est.day = rec.day;
    est.windows = std::move(rec.windows);
    est.n_claims = static_cast<int>(est.evidence.size());
    for (const Evidence& e : est.evidence)
      if (e.window == 0 && e.role == EvidenceRole::kUsed &&
          std::find(est.sources.begin(), est.sources.end(), e.source_id) == est.sources.end())
        est.sources.push_back(e.source_id);
    for (KeyConflict& c : rec.conflicts) pending.push_back({result.estimates.size(), std::move(c)});
    result.estimates.push_back(std::move(est));
    i = j;
  }

  // Conflicts within keys, with the claims on each side.
  for (const PendingConflict& p : pending) {
    Estimate& est = result.estimates[p.estimate];
    Conflict c;
    c.kind = p.conflict.kind;
    c.key = est.key;
    c.keys = {est.key};
    c.as_of = p.conflict.as_of;
    for (const KeyConflictSide& ks : p.conflict.sides) {
      ConflictSide s;
      s.label = ks.label;
      s.credible = ks.credible;
      s.interval = ks.interval;
      s.weight = ks.weight;
      for (size_t pos : ks.evidence) {
        const Evidence& ev = est.evidence[pos];
        s.claims.push_back(MakeRef(ev, claims[ev.input_index], est.key));
      }
      c.sides.push_back(std::move(s));
    }
    const WindowStep& w = est.windows[static_cast<size_t>(p.conflict.window)];
    c.summary = Summary(c, p.conflict.kind == ConflictKind::kDecrease ? w.result : w.selected);
    if (p.conflict.window == 0) est.conflict = true;
    result.conflicts.push_back(std::move(c));
  }

  // Constraints between keys. BuildConstraints may add derived estimates (re-sorting), so
  // conflicts refer to keys, not positions.
  std::vector<Constraint> constraints = BuildConstraints(result.estimates, geo, config);
  Propagation prop = Propagate(result.estimates, constraints, config);
  result.passes = prop.passes;
  result.converged = prop.converged;
  for (const Violation& v : prop.violations) {
    const Constraint& con = constraints[v.constraint];
    Conflict c;
    c.kind = ConflictKind::kConstraint;
    std::vector<size_t> left = con.lhs, right = con.rhs;
    if (con.kind == Constraint::Kind::kShare) {
      left = {con.part};
      right = {con.share, con.whole};
    }
    const bool listed_is_region = con.kind == Constraint::Kind::kSum && con.name.rfind("countries", 0) == 0;
    const size_t listed = listed_is_region ? right.front() : left.front();
    c.key = result.estimates[listed].key;
    std::string newest;
    for (const auto* side : {&left, &right}) {
      ConflictSide s;
      s.label = side == &left ? "left side" : "right side";
      s.credible = true;
      s.interval = Interval{0, 0, false, false, std::nullopt};
      for (size_t k : *side) {
        Estimate& e = result.estimates[k];
        // A region's total below its countries' sum flags the region, not each member.
        if (!(listed_is_region && side == &left)) e.conflict = true;
        c.keys.push_back(e.key);
        s.interval = s.interval.Plus(e.bounds);
        for (ClaimRef& r : UsedRefs(e, claims)) {
          s.weight += r.weight;
          s.claims.push_back(std::move(r));
        }
        newest = std::max(newest, e.as_of);
      }
      c.sides.push_back(std::move(s));
    }
    c.as_of = newest;
    c.summary = con.name + ": " + v.detail;
    result.conflicts.push_back(std::move(c));
  }
  // A stated point the constraints rule out is a conflict, never a silent clip: the stated
  // estimate keeps it, and the conflict names the constraints that moved the bounds.
  for (Estimate& e : result.estimates) {
    if (e.interval.best && IsCount(e.key.unit)) e.interval.best = std::round(*e.interval.best);
    if (!e.stated() || !e.interval.best || e.bounds.Contains(*e.interval.best)) continue;
    Conflict c;
    c.kind = ConflictKind::kConstraint;
    c.key = e.key;
    c.keys = {e.key};
    c.as_of = e.as_of;
    std::set<std::string> names;
    for (const Adjustment& a : e.adjustments) names.insert(a.constraint);
    std::string why;
    for (const std::string& n : names) why += (why.empty() ? "" : "; ") + n;
    ConflictSide stated{"stated", true, e.interval, 0, UsedRefs(e, claims)};
    for (const ClaimRef& r : stated.claims) stated.weight += r.weight;
    ConflictSide feasible{"feasible bounds", true, e.bounds, 0, {}};
    c.sides = {std::move(stated), std::move(feasible)};
    c.summary = fmt::format("the stated figure {} lies outside the feasible bounds {} ({})", FormatCount(*e.interval.best),
                            e.bounds.ToString(), why);
    e.conflict = true;
    result.conflicts.push_back(std::move(c));
  }
  for (Estimate& e : result.estimates) e.wording = Wording(e, claims);
  std::stable_sort(result.conflicts.begin(), result.conflicts.end(), [](const Conflict& a, const Conflict& b) {
    if (!(a.key == b.key)) return a.key < b.key;
    if (a.as_of != b.as_of) return a.as_of > b.as_of;
    return static_cast<int>(a.kind) < static_cast<int>(b.kind);
  });
  result.aggregates = ComputeAggregates(result.estimates, geo);
  return result;
}

std::vector<LedgerEntry> ToLedgerEntries(const FusionResult& result) {
  std::vector<LedgerEntry> out;
  out.reserve(result.estimates.size());
  for (const Estimate& e : result.estimates) {
    LedgerEntry l;
    l.key = e.key;
    l.stated = e.stated();
    if (l.stated) {
      l.interval = e.interval;
      l.low = e.interval.low;
      l.best = e.interval.best;
      if (e.interval.bounded()) l.high = e.interval.high;
    }
    l.bounds = e.bounds;
    l.wording = e.wording;
    l.claim_ids = e.UsedClaimIds();
    l.sources = e.sources;
    l.n_claims = e.n_claims;
    l.conflict = e.conflict;
    l.as_of = e.as_of;
    l.method = e.derived ? "derived" : "fused";
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace ftf
