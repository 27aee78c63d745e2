#include "fuse/constraints.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "fuse/reconciler.h"
#include "core/number_format.h"

namespace ftf {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool IsCount(Unit u) { return u != Unit::kShare; }

using Index = std::map<LedgerKey, size_t>;

Index BuildIndex(const std::vector<Estimate>& estimates) {
  Index idx;
  for (size_t i = 0; i < estimates.size(); ++i) idx.emplace(estimates[i].key, i);
  return idx;
}

std::optional<size_t> Lookup(const Index& idx, const std::string& scope, Category c, Subgroup s,
                             Unit u = Unit::kPersons) {
  auto it = idx.find(LedgerKey{scope, c, s, u});
  if (it == idx.end()) return std::nullopt;
  return it->second;
}

// Keeps the left-side terms that may be compared with the right side at one moment (see the
// header); empty when the right side itself is not contemporaneous.
std::vector<size_t> Applicable(const std::vector<Estimate>& est, const std::vector<size_t>& lhs,
                               const std::vector<size_t>& rhs, const FusionConfig& config) {
  int rmin = std::numeric_limits<int>::max(), rmax = std::numeric_limits<int>::min();
  bool stock = false;
  for (size_t r : rhs) {
    rmin = std::min(rmin, est[r].day);
    rmax = std::max(rmax, est[r].day);
    stock = stock || !config.IsCumulative(est[r].key.category);
  }
  const int w = config.contemporaneous_days;
  if (rmax - rmin > w) return {};
  std::vector<size_t> out;
  for (size_t l : lhs) {
    int d = est[l].day;
    bool l_stock = stock || !config.IsCumulative(est[l].key.category);
    if (d > rmin + w) continue;
    if (l_stock && d < rmax - w) continue;
    out.push_back(l);
  }
  return out;
}

std::string SubgroupLabel(const std::string& scope, Subgroup s) { return fmt::format("{}, {}", scope, Name(s)); }

void AddSum(std::vector<Constraint>& out, const std::vector<Estimate>& est, std::string name,
            const std::vector<size_t>& lhs, const std::vector<size_t>& rhs, const FusionConfig& config) {
  if (lhs.empty() || rhs.empty()) return;
  std::vector<size_t> l = Applicable(est, lhs, rhs, config);
  if (l.empty()) return;
  Constraint c;
  c.kind = Constraint::Kind::kSum;
  c.name = std::move(name);
  c.lhs = std::move(l);
  c.rhs = rhs;
  out.push_back(std::move(c));
}

Estimate Derived(const LedgerKey& key, const Estimate& from) {
  Estimate e;
  e.key = key;
  e.as_of = from.as_of;
  e.day = from.day;
  e.interval = Interval{};  // not stated: see Estimate::stated()
  e.bounds = Interval{};    // [0, open) until the constraints narrow it
  e.derived = true;
  return e;
}

// The part and whole keys a share estimate ties together, if it ties any.
bool ShareKeys(const LedgerKey& share, LedgerKey& part, LedgerKey& whole) {
  if (share.unit != Unit::kShare) return false;
  if (share.subgroup == Subgroup::kAll) {
    if (share.category == Category::kDeparted) return false;
    part = {share.scope, share.category, Subgroup::kAll, Unit::kPersons};
    whole = {share.scope, Category::kDeparted, Subgroup::kAll, Unit::kPersons};
  } else {
    part = {share.scope, share.category, share.subgroup, Unit::kPersons};
    whole = {share.scope, share.category, Subgroup::kAll, Unit::kPersons};
  }
  return true;
}

struct Bounds {
  double low, high;
};

double Tolerance(const Estimate& e) { return IsCount(e.key.unit) ? 0.5 : 1e-12; }

// Intersects e's interval with [low, high]; records the change. Returns true when it changed.
bool Narrow(Estimate& e, double low, double high, const std::string& why) {
  Interval before = e.bounds;
  Interval bound;
  bound.low = std::max(0.0, low);
  bound.high = high;
  Interval n = e.bounds.Intersect(bound);
  if (IsCount(e.key.unit)) n = SnapToCounts(n);
  if (e.key.unit == Unit::kShare) n.high = std::min(n.high, 1.0);
  double tol = Tolerance(e);
  bool changed = n.low > before.low + tol * 1e-3 || n.high < before.high - tol * 1e-3;
  if (!changed) return false;
  n.best = before.best;
  if (n.best) n.best = std::clamp(*n.best, n.low, n.high);
  e.bounds = n;
  e.adjustments.push_back({why, before, n});
  return true;
}

std::string Num(double v) { return std::isfinite(v) ? FormatCount(v, 4) : std::string("open"); }

}  // namespace

std::vector<Constraint> BuildConstraints(std::vector<Estimate>& est, const Gazetteer& geo,
                                         const FusionConfig& config) {
  // Derived estimates for the parts and wholes of shares.
  {
    Index idx = BuildIndex(est);
    std::vector<Estimate> add;
    std::set<LedgerKey> added;
    for (const Estimate& e : est) {
      LedgerKey part, whole;
      if (!ShareKeys(e.key, part, whole)) continue;
      for (const LedgerKey& k : {part, whole})
        if (!idx.count(k) && added.insert(k).second) add.push_back(Derived(k, e));
    }
    if (!add.empty()) {
      for (Estimate& e : add) est.push_back(std::move(e));
      std::sort(est.begin(), est.end(), [](const Estimate& a, const Estimate& b) { return a.key < b.key; });
    }
  }
  Index idx = BuildIndex(est);
  std::vector<Constraint> out;
  std::set<std::string> scopes;
  for (const Estimate& e : est) scopes.insert(e.key.scope);

  const Subgroup subgroups[] = {Subgroup::kAll, Subgroup::kMen, Subgroup::kWomen, Subgroup::kMinors};
  for (const std::string& scope : scopes) {
    // Categories within a scope and subgroup.
    for (Subgroup s : subgroups) {
      auto dep = Lookup(idx, scope, Category::kDeparted, s);
      if (!dep) continue;
      auto ret = Lookup(idx, scope, Category::kReturned, s);
      if (ret) AddSum(out, est, fmt::format("returned ≤ departed ({})", SubgroupLabel(scope, s)), {*ret}, {*dep}, config);
      std::vector<size_t> outcomes;
      for (Category c : {Category::kKilled, Category::kReturned, Category::kInTheater, Category::kRelocated})
        if (auto k = Lookup(idx, scope, c, s)) outcomes.push_back(*k);
      if (outcomes.size() >= 2)
        AddSum(out, est,
               fmt::format("killed + returned + in theatre + relocated ≤ departed ({})", SubgroupLabel(scope, s)),
               outcomes, {*dep}, config);
    }
    // Subgroups within a scope and category.
    for (int ci = 0; ci < kCategoryCount; ++ci) {
      Category c = static_cast<Category>(ci);
      auto all = Lookup(idx, scope, c, Subgroup::kAll);
      if (!all) continue;
      std::vector<size_t> parts;
      std::string names;
      for (Subgroup s : {Subgroup::kMen, Subgroup::kWomen, Subgroup::kMinors})
        if (auto k = Lookup(idx, scope, c, s)) {
          parts.push_back(*k);
          names += (names.empty() ? "" : " + ") + std::string(Name(s));
        }
      if (!parts.empty())
        AddSum(out, est, fmt::format("{} ≤ all ({}, {})", names, scope, Name(c)), parts, {*all}, config);
      if (parts.size() == 3)
        AddSum(out, est, fmt::format("all ≤ men + women + minors ({}, {})", scope, Name(c)), {*all}, parts, config);
    }
  }
  // Shares.
  for (size_t i = 0; i < est.size(); ++i) {
    LedgerKey part, whole;
    if (!ShareKeys(est[i].key, part, whole)) continue;
    size_t p = idx.at(part), w = idx.at(whole);
    int lo = std::min({est[i].day, est[p].day, est[w].day}), hi = std::max({est[i].day, est[p].day, est[w].day});
    if (hi - lo > config.contemporaneous_days) continue;
    Constraint c;
    c.kind = Constraint::Kind::kShare;
    c.name = fmt::format("{} = share × {} ({})", Name(part.category), whole.subgroup == Subgroup::kAll && part.subgroup == Subgroup::kAll ? "departed" : "all",
                         SubgroupLabel(part.scope, part.subgroup));
    c.share = i;
    c.part = p;
    c.whole = w;
    out.push_back(std::move(c));
  }
  // Countries within regions.
  for (const Region& r : geo.regions()) {
    if (r.members.empty()) continue;
    for (int ci = 0; ci < kCategoryCount; ++ci) {
      Category c = static_cast<Category>(ci);
      for (Subgroup s : subgroups) {
        auto reg = Lookup(idx, r.scope, c, s);
        if (!reg) continue;
        std::vector<size_t> members;
        for (const std::string& m : r.members)
          if (auto k = Lookup(idx, m, c, s)) members.push_back(*k);
        AddSum(out, est, fmt::format("countries ≤ region ({}, {}, {})", r.scope, Name(c), Name(s)), members, {*reg},
               config);
      }
    }
  }
  return out;
}

Propagation Propagate(std::vector<Estimate>& est, const std::vector<Constraint>& constraints,
                      const FusionConfig& config) {
  Propagation result;
  std::vector<bool> disabled(constraints.size(), false);
  auto violate = [&](size_t ci, std::string detail) {
    disabled[ci] = true;
    result.violations.push_back({ci, std::move(detail)});
  };
  bool changed = true;
  while (changed && result.passes < config.max_passes) {
    changed = false;
    ++result.passes;
    for (size_t ci = 0; ci < constraints.size(); ++ci) {
      if (disabled[ci]) continue;
      const Constraint& c = constraints[ci];
      if (c.kind == Constraint::Kind::kSum) {
        double llow = 0, rhigh = 0;
        for (size_t l : c.lhs) llow += est[l].bounds.low;
        for (size_t r : c.rhs) rhigh += est[r].bounds.high;
        if (llow > rhigh + 1e-9 * std::max(1.0, llow)) {
          violate(ci, fmt::format("left side at least {} but right side at most {}", Num(llow), Num(rhigh)));
          continue;
        }
        if (std::isfinite(rhigh))
          for (size_t l : c.lhs)
            changed |= Narrow(est[l], 0, rhigh - (llow - est[l].bounds.low), c.name);
        for (size_t r : c.rhs) {
          double others_high = 0;
          for (size_t o : c.rhs)
            if (o != r) others_high += est[o].bounds.high;
          if (std::isfinite(others_high)) changed |= Narrow(est[r], llow - others_high, kInf, c.name);
        }
      } else {
        Estimate& s = est[c.share];
        Estimate& p = est[c.part];
        Estimate& w = est[c.whole];
        // part ∈ share × whole
        double plo = s.bounds.low * w.bounds.low;
        double phi = s.bounds.high * w.bounds.high;
        if (std::isnan(phi)) phi = kInf;
        if (plo > p.bounds.high + 1e-9 * std::max(1.0, plo) || phi < p.bounds.low - 1e-9 * std::max(1.0, phi)) {
          violate(ci, fmt::format("share × whole gives {}–{} but the part is {}–{}", Num(plo), Num(phi),
                                  Num(p.bounds.low), Num(p.bounds.high)));
          continue;
        }
        changed |= Narrow(p, plo, phi, c.name);
        // whole ∈ part / share
        if (s.bounds.high > 0) {
          double wlo = p.bounds.low / s.bounds.high;
          double whi = s.bounds.low > 0 ? p.bounds.high / s.bounds.low : kInf;
          changed |= Narrow(w, wlo, whi, c.name);
        }
        // share ∈ part / whole
        if (w.bounds.high > 0) {
          double slo = std::isfinite(w.bounds.high) ? p.bounds.low / w.bounds.high : 0;
          double shi = w.bounds.low > 0 ? p.bounds.high / w.bounds.low : 1;
          changed |= Narrow(s, slo, std::min(1.0, shi), c.name);
        }
      }
    }
  }
  result.converged = !changed;
  return result;
}

std::vector<size_t> Unsatisfied(const std::vector<Estimate>& est, const std::vector<Constraint>& constraints,
                                const std::vector<size_t>& skip, double tolerance) {
  std::vector<size_t> out;
  for (size_t ci = 0; ci < constraints.size(); ++ci) {
    if (std::find(skip.begin(), skip.end(), ci) != skip.end()) continue;
    const Constraint& c = constraints[ci];
    bool ok = true;
    if (c.kind == Constraint::Kind::kSum) {
      double llow = 0, rhigh = 0;
      for (size_t l : c.lhs) llow += est[l].bounds.low;
      for (size_t r : c.rhs) rhigh += est[r].bounds.high;
      if (llow > rhigh + tolerance) ok = false;
      if (std::isfinite(rhigh))
        for (size_t l : c.lhs)
          if (est[l].bounds.high + (llow - est[l].bounds.low) > rhigh + tolerance) ok = false;
      for (size_t r : c.rhs) {
        double others_high = 0;
        for (size_t o : c.rhs)
          if (o != r) others_high += est[o].bounds.high;
        if (std::isfinite(others_high) && est[r].bounds.low < llow - others_high - tolerance) ok = false;
      }
    } else {
      const Interval& s = est[c.share].bounds;
      const Interval& p = est[c.part].bounds;
      const Interval& w = est[c.whole].bounds;
      double phi = s.high * w.high;
      if (p.low < s.low * w.low - tolerance - 0.5) ok = false;   // counts are whole numbers
      if (std::isfinite(phi) && p.high > phi + tolerance + 0.5) ok = false;
    }
    if (!ok) out.push_back(ci);
  }
  return out;
}

}  // namespace ftf
