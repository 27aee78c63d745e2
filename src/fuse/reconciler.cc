#include "fuse/reconciler.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace ftf {
namespace {

// A position on the line with the side of a value: (v, -1) just below v, (v, 0) at v,
// (v, +1) just above v. An interval covers the positions from its start to its end.
struct Pos {
  double v = 0;
  int k = 0;
  bool operator<(const Pos& o) const { return v < o.v || (v == o.v && k < o.k); }
  bool operator==(const Pos& o) const { return v == o.v && k == o.k; }
};

struct Event {
  Pos p;
  int type;  // 0 start, 1 end: at one position, starts come first (both cover it)
  double w;
  size_t idx;
};

Pos StartOf(const Interval& iv) { return {iv.low, iv.low_strict ? 1 : 0}; }
Pos EndOf(const Interval& iv) { return {iv.high, iv.high_strict ? -1 : 0}; }

bool SameStated(const Evidence& a, const Evidence& b) {
  return a.source_id == b.source_id && a.stated == b.stated;
}

// Newest first; then content, so that equal multisets sort the same whatever their order.
bool CanonicalLess(const Evidence& a, const Evidence& b) {
  auto best = [](const Evidence& e) { return e.stated.best.value_or(-1); };
  return std::make_tuple(-a.day, std::cref(a.source_id), a.stated.low, a.stated.high, a.stated.low_strict,
                         a.stated.high_strict, best(a), static_cast<int>(a.qualifier), a.claim_id) <
         std::make_tuple(-b.day, std::cref(b.source_id), b.stated.low, b.stated.high, b.stated.low_strict,
                         b.stated.high_strict, best(b), static_cast<int>(b.qualifier), b.claim_id);
}

Interval HullOf(const std::vector<Evidence>& ev, const std::vector<size_t>& idx) {
  Interval h;
  bool first = true;
  for (size_t i : idx) {
    h = first ? ev[i].stated : h.Hull(ev[i].stated);
    first = false;
  }
  h.best.reset();
  return h;
}

double WeightOf(const std::vector<Evidence>& ev, const std::vector<size_t>& idx) {
  double w = 0;
  for (size_t i : idx) w += ev[i].weight;
  return w;
}

// Keeps `best` inside `iv` (clamping it to the nearest end) or drops it when iv is empty.
void ClampBest(Interval& iv, std::optional<double> best) {
  iv.best.reset();
  if (!best || iv.empty()) return;
  double b = std::max(*best, iv.low);
  b = std::min(b, iv.high);
  iv.best = b;
}

// One publication's claims inside a window: copies of one report (same source, same date),
// and the copies of it stored under other sources (fuse/copies.h).
struct Edition {
  std::vector<size_t> chosen;     // evidence positions standing for the edition
  std::vector<size_t> set_aside;  // copies' variants the edition does not rest on
  Interval interval;              // what the chosen claims allow together
  double weight = 0;              // the source's weight, once
  std::optional<double> best;     // mean of the chosen claims' points, clamped into `interval`
  std::vector<size_t> disagreeing;  // set-aside variants that do not restate the edition's figure
  bool copies_disagree = false;   // a variant disagrees, or copies tie on different figures
};

// Which of an edition's claims may stand for it, best first: the headline of its own record,
// its own record, then copies under other sources (a headline there is the newspaper's, not
// the report's, so it ranks with the other copies). A table total or a figure one copy prints
// never outranks the tier above it.
int StandingTier(const Evidence& e) {
  if (!e.copy_of.empty()) return 2;
  return e.claim_role == ClaimRole::kHeadline ? 0 : 1;
}

// A variant agrees with its edition when it restates the edition's figure, or more loosely
// (its interval covers the edition's: "more than 27,000" beside "more than 40,000"). A copy
// that is more precise than the edition (53,781 beside "more than 40,000") or elsewhere is a
// disagreement.
bool Covers(const Interval& variant, const Interval& edition) {
  if (edition.empty()) return false;
  const Interval common = variant.Intersect(edition);
  return common.low == edition.low && common.high == edition.high && common.low_strict == edition.low_strict &&
         common.high_strict == edition.high_strict;
}

// Groups `kept` (evidence positions, ascending) into editions — a source's claims of one date
// with the copies of it under other sources — and settles each one on the claims of its best
// tier (StandingTier); among those, the figure most claims agree on (claims reaching
// SelectCredible's groups with one vote each; a tie keeps every tied figure).
std::vector<Edition> FoldEditions(std::vector<Evidence>& ev, const std::vector<size_t>& kept) {
  std::map<std::pair<std::string, int>, std::vector<size_t>> groups;
  for (size_t i : kept) groups[{ev[i].copy_of.empty() ? ev[i].source_id : ev[i].copy_of, ev[i].day}].push_back(i);
  std::vector<Edition> out;
  out.reserve(groups.size());
  for (auto& [id, members] : groups) {
    Edition ed;
    int top = 2;
    for (size_t i : members) top = std::min(top, StandingTier(ev[i]));
    std::vector<size_t> candidates;
    for (size_t i : members)
      if (StandingTier(ev[i]) == top) candidates.push_back(i);
    std::vector<WeightedInterval> votes;
    for (size_t i : candidates) votes.push_back({ev[i].stated, 1.0});
    Selection sel = SelectCredible(votes, 1.0);
    for (size_t k = 0; k < candidates.size(); ++k)
      (sel.reaches[k].empty() ? ed.set_aside : ed.chosen).push_back(candidates[k]);
    for (size_t i : members)
      if (std::find(candidates.begin(), candidates.end(), i) == candidates.end()) ed.set_aside.push_back(i);
    std::sort(ed.set_aside.begin(), ed.set_aside.end());
    for (size_t i : ed.set_aside) ev[i].role = EvidenceRole::kVariant;
    ed.interval = sel.hull;
    ed.interval.best.reset();
    // The edition's point: the mean of its chosen copies' points, kept inside what they allow
    // together (3,244 and 3,224 meet in 3,228–3,240: best 3,234).
    double bsum = 0;
    int bn = 0;
    for (size_t i : ed.chosen) {
      ed.weight = std::max(ed.weight, ev[i].weight);
      if (ev[i].stated.best) {
        bsum += *ev[i].stated.best;
        ++bn;
      }
    }
    if (bn && !ed.interval.empty()) ed.best = std::clamp(bsum / bn, ed.interval.low, ed.interval.high);
    // Copies that merely restate the figure more loosely ("at least 800" beside "about 1,000")
    // agree; a candidate outvoted by the others, a variant that does not cover the edition's
    // figure, or a tie between copies, is a disagreement.
    for (size_t i : ed.set_aside) {
      const bool candidate = std::find(candidates.begin(), candidates.end(), i) != candidates.end();
      if (candidate || !Covers(ev[i].stated, ed.interval)) ed.disagreeing.push_back(i);
    }
    ed.copies_disagree = sel.groups.size() > 1 || !ed.disagreeing.empty();
    out.push_back(std::move(ed));
  }
  return out;
}

struct WindowResult {
  size_t begin = 0, end = 0;  // [begin, end) in the canonical order
  Selection sel;                       // over editions
  std::vector<Edition> editions;
  std::vector<size_t> copies;          // editions whose copies disagree
  std::map<size_t, std::vector<int>> reaches;  // used evidence position -> groups it reaches
  std::vector<size_t> used, outvoted;  // evidence positions
  Interval selected;                   // hull of credible groups, with best
  WindowStep step;
};

WindowResult ReconcileWindow(std::vector<Evidence>& ev, size_t begin, size_t end, int window, bool counts,
                             const FusionConfig& config) {
  WindowResult r;
  r.begin = begin;
  r.end = end;
  // Duplicates: the same source stating the same interval again counts once.
  std::vector<size_t> order;
  for (size_t i = begin; i < end; ++i) {
    ev[i].window = window;
    ev[i].role = EvidenceRole::kUsed;
    order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (ev[a].source_id != ev[b].source_id) return ev[a].source_id < ev[b].source_id;
    return CanonicalLess(ev[a], ev[b]);
  });
  std::vector<size_t> kept;
  int duplicates = 0;
  for (size_t n = 0; n < order.size(); ++n) {
    bool dup = false;
    for (size_t m = n; m-- > 0;) {
      if (ev[order[m]].source_id != ev[order[n]].source_id) break;
      if (SameStated(ev[order[m]], ev[order[n]]) && ev[order[m]].role != EvidenceRole::kDuplicate) {
        dup = true;
        break;
      }
    }
    if (dup) {
      ev[order[n]].role = EvidenceRole::kDuplicate;
      ++duplicates;
    } else {
      kept.push_back(order[n]);
    }
  }
  std::sort(kept.begin(), kept.end());

  // Editions: the kept claims of one source and date are copies of one publication. Each
  // edition settles on its own figure first (its headline, else what most of its copies
  // agree on) and then counts once, with its source's weight.
  std::vector<Edition> editions = FoldEditions(ev, kept);
  std::vector<WeightedInterval> items;
  items.reserve(editions.size());
  for (const Edition& ed : editions) items.push_back({ed.interval, ed.weight});
  r.sel = SelectCredible(items, config.credible_share);

  double wsum = 0, bsum = 0;
  int variants = 0;
  for (size_t n = 0; n < editions.size(); ++n) {
    const Edition& ed = editions[n];
    variants += static_cast<int>(ed.set_aside.size());
    if (ed.copies_disagree) r.copies.push_back(n);
    if (r.sel.reaches[n].empty()) {
      for (size_t i : ed.chosen) {
        ev[i].role = EvidenceRole::kOutvoted;
        r.outvoted.push_back(i);
      }
      continue;
    }
    for (size_t i : ed.chosen) {
      r.used.push_back(i);
      r.reaches[i] = r.sel.reaches[n];
    }
    if (ed.best && r.sel.hull.Contains(*ed.best)) {
      wsum += ed.weight;
      bsum += ed.weight * *ed.best;
    }
  }
  std::sort(r.used.begin(), r.used.end());
  std::sort(r.outvoted.begin(), r.outvoted.end());
  r.editions = std::move(editions);
  r.selected = r.sel.hull;
  std::optional<double> best;
  // Rounded to 1e-9 of the scale first, so that 286.4999999 from float sums reads 286.5.
  if (wsum > 0) best = std::round(bsum / wsum * 1e9) / 1e9;
  if (best && counts) best = std::round(*best);
  ClampBest(r.selected, best);

  WindowStep& s = r.step;
  s.window = window;
  s.to = ev[begin].as_of;
  s.from = ev[end - 1].as_of;
  s.selected = r.selected;
  s.weight = r.sel.top_weight;
  s.groups = static_cast<int>(r.sel.groups.size());
  s.used = static_cast<int>(r.used.size());
  s.outvoted = static_cast<int>(r.outvoted.size());
  s.duplicates = duplicates;
  s.variants = variants;
  s.editions = static_cast<int>(r.editions.size());
  s.result = r.selected;
  return r;
}

}  // namespace

Selection SelectCredible(const std::vector<WeightedInterval>& items, double credible_share) {
  Selection sel;
  sel.reaches.resize(items.size());
  bool any_weight = std::any_of(items.begin(), items.end(), [](const WeightedInterval& w) { return w.weight > 0; });
  std::vector<Event> events;
  events.reserve(items.size() * 2);
  for (size_t i = 0; i < items.size(); ++i) {
    const Interval& iv = items[i].interval;
    if (iv.empty()) continue;
    double w = any_weight ? std::max(0.0, items[i].weight) : 1.0;
    events.push_back({StartOf(iv), 0, w, i});
    events.push_back({EndOf(iv), 1, w, i});
  }
  if (events.empty()) {
    sel.hull = Interval{0, 0, false, false, std::nullopt};
    sel.hull.low = 1;  // empty
    return sel;
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    if (!(a.p == b.p)) return a.p < b.p;
    if (a.type != b.type) return a.type < b.type;
    return a.w < b.w;
  });
  // Pass 1: the greatest weight covering one position.
  double cur = 0, top = 0;
  for (size_t i = 0; i < events.size();) {
    size_t j = i;
    while (j < events.size() && events[j].p == events[i].p && events[j].type == 0) cur += events[j++].w;
    top = std::max(top, cur);
    while (j < events.size() && events[j].p == events[i].p) cur -= events[j++].w;
    i = j;
  }
  sel.top_weight = top;
  // Pass 2: the positions covered by at least the credible weight, as maximal segments.
  const double threshold = top * credible_share * (1 - 1e-9);
  cur = 0;
  bool in = false;
  Pos seg_start;
  for (size_t i = 0; i < events.size();) {
    size_t j = i;
    Pos p = events[i].p;
    while (j < events.size() && events[j].p == p && events[j].type == 0) cur += events[j++].w;
    if (!in && cur >= threshold) {
      in = true;
      seg_start = p;
    }
    while (j < events.size() && events[j].p == p) cur -= events[j++].w;
    if (in && cur < threshold) {
      in = false;
      Interval g;
      g.low = seg_start.v;
      g.low_strict = seg_start.k > 0;
      g.high = p.v;
      g.high_strict = p.k < 0;
      sel.groups.push_back(g);
    }
    i = j;
  }
  sel.hull = sel.groups.front();
  for (const Interval& g : sel.groups) sel.hull = sel.hull.Hull(g);
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].interval.empty()) continue;
    for (size_t g = 0; g < sel.groups.size(); ++g)
      if (!items[i].interval.Intersect(sel.groups[g]).empty()) sel.reaches[i].push_back(static_cast<int>(g));
  }
  return sel;
}

Interval SnapToCounts(const Interval& iv) {
  Interval r = iv;
  constexpr double eps = 1e-9;
  r.low = iv.low_strict ? std::floor(iv.low + eps) + 1 : std::ceil(iv.low - eps);
  r.low = std::max(0.0, r.low);
  if (std::isfinite(iv.high)) r.high = iv.high_strict ? std::ceil(iv.high - eps) - 1 : std::floor(iv.high + eps);
  r.low_strict = false;
  r.high_strict = false;
  if (iv.best) ClampBest(r, std::round(*iv.best));
  return r;
}

Reconciled Reconcile(std::vector<Evidence>& ev, bool cumulative, bool counts, const FusionConfig& config) {
  std::sort(ev.begin(), ev.end(), CanonicalLess);
  Reconciled out;
  out.as_of = ev.front().as_of;
  out.day = ev.front().day;
  std::vector<WindowResult> wins;
  size_t i = 0;
  int w = 0;
  while (i < ev.size()) {
    if (w > 0 && !cumulative) {
      for (size_t k = i; k < ev.size(); ++k) {
        ev[k].window = w;
        ev[k].role = EvidenceRole::kSuperseded;
      }
      break;
    }
    const int top = ev[i].day;
    size_t j = i;
    while (j < ev.size() && ev[j].day >= top - config.contemporaneous_days) ++j;
    wins.push_back(ReconcileWindow(ev, i, j, w, counts, config));
    i = j;
    ++w;
  }
  // Oldest to newest: each window's estimate is bounded below by everything before it.
  Interval acc = wins.back().selected;
  for (size_t k = wins.size() - 1; k-- > 0;) {
    WindowResult& cur = wins[k];
    Interval bound;
    bound.low = acc.low;
    bound.low_strict = acc.low_strict;
    cur.step.lower_bound = acc.low;
    Interval result = cur.selected.Intersect(bound);
    // A newer stated point below the older floor and below the older stated point is a
    // decrease too, even when the newer figure's hedge reaches the floor: clipping "about 220"
    // to the sliver 244–247 above an older 250 would state a precision no source gives. An
    // older figure without a point ("more than 5,000") only bounds the newer one from below.
    const bool point_below =
        cur.selected.best && acc.best && *cur.selected.best < acc.low && *cur.selected.best < *acc.best;
    if ((result.empty() || point_below) && !cur.selected.empty()) {
      // A newer cumulative figure below an older one: counts only grow, so this is a conflict.
      // The newer figure stands (a later publication is taken to correct an earlier one, as
      // Tunisia's revised official count did) and the older one is listed against it.
      cur.step.decrease = true;
      result = cur.selected;
      KeyConflict c;
      c.kind = ConflictKind::kDecrease;
      c.window = static_cast<int>(k);
      c.as_of = ev[cur.begin].as_of;
      KeyConflictSide newer{"newer", true, cur.selected, WeightOf(ev, cur.used), cur.used};
      newer.interval.best.reset();
      std::vector<size_t> older;
      for (size_t m = k + 1; m < wins.size(); ++m)
        for (size_t u : wins[m].used)
          if (ev[u].stated.low > (point_below ? *cur.selected.best : cur.selected.high)) older.push_back(u);
      if (older.empty()) older = wins[k + 1].used;
      KeyConflictSide old_side{"older", true, HullOf(ev, older), WeightOf(ev, older), older};
      c.sides = {newer, old_side};
      out.conflicts.push_back(std::move(c));
    }
    ClampBest(result, cur.selected.best);
    cur.step.result = result;
    acc = result;
  }
  // Disagreements inside each window.
  for (size_t k = 0; k < wins.size(); ++k) {
    const WindowResult& win = wins[k];
    if (win.sel.groups.size() <= 1 && win.outvoted.empty()) continue;
    KeyConflict c;
    c.kind = ConflictKind::kDisagreement;
    c.window = static_cast<int>(k);
    c.as_of = ev[win.begin].as_of;
    for (size_t g = 0; g < win.sel.groups.size(); ++g) {
      KeyConflictSide side;
      side.label = win.sel.groups.size() > 1 ? "credible (tie)" : "credible";
      side.credible = true;
      side.interval = win.sel.groups[g];
      // The claims that reach this group only (a claim consistent with every group takes no side).
      std::vector<size_t> kept;
      for (size_t u : win.used) {
        const std::vector<int>& reach = win.reaches.at(u);
        if (reach.size() == 1 && reach.front() == static_cast<int>(g)) kept.push_back(u);
      }
      side.evidence = kept;
      side.weight = WeightOf(ev, kept);
      c.sides.push_back(std::move(side));
    }
    if (!win.outvoted.empty())
      c.sides.push_back({"outvoted", false, HullOf(ev, win.outvoted), WeightOf(ev, win.outvoted), win.outvoted});
    out.conflicts.push_back(std::move(c));
  }
  // Copies of one edition that print different figures: one side per figure, the edition's
  // own figure first.
  for (size_t k = 0; k < wins.size(); ++k) {
    for (size_t n : wins[k].copies) {
      const Edition& ed = wins[k].editions[n];
      KeyConflict c;
      c.kind = ConflictKind::kCopies;
      c.window = static_cast<int>(k);
      c.as_of = ev[ed.chosen.empty() ? ed.set_aside.front() : ed.chosen.front()].as_of;
      auto add = [&](const std::vector<size_t>& members, bool used) {
        for (size_t m : members) {
          auto same = std::find_if(c.sides.begin(), c.sides.end(), [&](const KeyConflictSide& s) {
            return s.credible == used && ev[s.evidence.front()].stated == ev[m].stated;
          });
          if (same == c.sides.end()) {
            KeyConflictSide side{used ? "edition figure" : "set aside", used, ev[m].stated, 0, {}};
            side.interval.best.reset();
            c.sides.push_back(std::move(side));
            same = c.sides.end() - 1;
          }
          same->evidence.push_back(m);
          same->weight += ev[m].weight;
        }
      };
      add(ed.chosen, true);
      add(ed.disagreeing, false);  // variants that restate the edition's figure take no side
      out.conflicts.push_back(std::move(c));
    }
  }
  std::stable_sort(out.conflicts.begin(), out.conflicts.end(),
                   [](const KeyConflict& a, const KeyConflict& b) { return a.window < b.window; });
  out.interval = counts ? SnapToCounts(acc) : acc;
  for (const WindowResult& win : wins) out.windows.push_back(win.step);
  // Evidence in reporting order: by window, used before outvoted before duplicates, heaviest
  // first. Conflict sides name positions, so they are remapped to the new order.
  std::vector<size_t> perm(ev.size());
  for (size_t k = 0; k < perm.size(); ++k) perm[k] = k;
  std::stable_sort(perm.begin(), perm.end(), [&](size_t a, size_t b) {
    if (ev[a].window != ev[b].window) return ev[a].window < ev[b].window;
    if (ev[a].role != ev[b].role) return static_cast<int>(ev[a].role) < static_cast<int>(ev[b].role);
    return ev[a].weight > ev[b].weight;
  });
  std::vector<size_t> new_pos(ev.size());
  std::vector<Evidence> sorted;
  sorted.reserve(ev.size());
  for (size_t k = 0; k < perm.size(); ++k) {
    new_pos[perm[k]] = k;
    sorted.push_back(std::move(ev[perm[k]]));
  }
  ev = std::move(sorted);
  for (KeyConflict& c : out.conflicts)
    for (KeyConflictSide& s : c.sides)
      for (size_t& p : s.evidence) p = new_pos[p];
  return out;
}

}  // namespace ftf
