// Property tests for Fuse(): fixed seeds, so a failure reproduces.
#include "fuse/fusion.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "fuse/constraints.h"
#include "fuse/explain.h"
#include "fuse/test_util.h"
#include "fuse/weights.h"

namespace ftf {
namespace {

using fusetest::MakeClaim;
using fusetest::Sources;

const char* kSources[] = {"gov", "tank", "tank2", "uni", "news"};
const char* kDates[] = {"2014-06", "2015-01-26", "2015-12-07", "2016-04-01", "2017-10-24", "2017-10-31"};
const std::string kScopes[] = {"BEL", "NLD", "LUX", "Benelux", "FRA"};
const Category kCats[] = {Category::kDeparted, Category::kReturned, Category::kKilled, Category::kInTheater};

// A claim whose interval contains `truth` (when `honest`) or is anywhere (when not).
Claim RandomClaim(std::mt19937& rng, int64_t id, const LedgerKey& k, double truth, bool honest, const char* date) {
  std::uniform_int_distribution<int> q(0, 5);
  const char* src = kSources[rng() % 5];
  double t = honest ? truth : std::floor(truth * (0.3 + (rng() % 200) / 100.0));
  switch (q(rng)) {
    case 0: return MakeClaim(id, k.scope, k.category, Qualifier::kExact, std::nullopt, t, std::nullopt, date, src, k.subgroup);
    case 1: return MakeClaim(id, k.scope, k.category, Qualifier::kApprox, std::nullopt, t, std::nullopt, date, src, k.subgroup);
    case 2: return MakeClaim(id, k.scope, k.category, Qualifier::kAtLeast, std::floor(t * 0.8), std::nullopt, std::nullopt, date, src, k.subgroup);
    case 3: return MakeClaim(id, k.scope, k.category, Qualifier::kFewerThan, std::nullopt, std::nullopt, t + 1 + rng() % 50, date, src, k.subgroup);
    case 4: return MakeClaim(id, k.scope, k.category, Qualifier::kRange, std::floor(t * 0.9), std::nullopt, std::ceil(t * 1.2) + 1, date, src, k.subgroup);
    default: return MakeClaim(id, k.scope, k.category, Qualifier::kAtMost, std::nullopt, std::nullopt, t + rng() % 30, date, src, k.subgroup);
  }
}

// Random claims over a few scopes and categories, some honest, some not.
std::vector<Claim> RandomClaims(std::mt19937& rng, int n) {
  std::vector<Claim> out;
  for (int i = 0; i < n; ++i) {
    LedgerKey k{kScopes[rng() % 5], kCats[rng() % 4], rng() % 4 == 0 ? Subgroup::kWomen : Subgroup::kAll, Unit::kPersons};
    double truth = 50 + rng() % 1000;
    out.push_back(RandomClaim(rng, i + 1, k, truth, rng() % 2, kDates[rng() % 6]));
  }
  return out;
}

FusionResult FuseAll(const std::vector<Claim>& claims) {
  auto r = Fuse(claims, Sources(), FusionConfig{});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.value();
}

// Everything a reader sees, without input positions.
std::string Fingerprint(const FusionResult& r) {
  std::string s;
  for (const Estimate& e : r.estimates) {
    s += e.key.scope + std::string(Name(e.key.category)) + std::string(Name(e.key.subgroup)) + e.interval.ToString() +
         (e.interval.best ? std::to_string(*e.interval.best) : "-") + (e.conflict ? "!" : "") + e.as_of + "|";
    std::vector<std::string> roles;
    for (const Evidence& ev : e.evidence)
      roles.push_back(std::to_string(ev.claim_id) + ":" + std::string(Name(ev.role)) + ":" + std::to_string(ev.window));
    std::sort(roles.begin(), roles.end());
    for (const std::string& x : roles) s += x + ",";
    s += "\n";
  }
  for (const Conflict& c : r.conflicts) {
    s += std::string(Name(c.kind)) + c.key.scope + c.as_of + c.summary + "[";
    for (const ConflictSide& side : c.sides) {
      std::vector<int64_t> ids;
      for (const ClaimRef& ref : side.claims) ids.push_back(ref.id);
      std::sort(ids.begin(), ids.end());
      s += side.label;
      for (int64_t id : ids) s += std::to_string(id) + ",";
    }
    s += "]\n";
  }
  return s;
}

TEST(FusionProperty, TheOrderOfClaimsDoesNotMatter) {
  std::mt19937 rng(42);
  for (int round = 0; round < 40; ++round) {
    std::vector<Claim> claims = RandomClaims(rng, 60);
    std::string expected = Fingerprint(FuseAll(claims));
    for (int shuffle = 0; shuffle < 5; ++shuffle) {
      std::shuffle(claims.begin(), claims.end(), rng);
      ASSERT_EQ(Fingerprint(FuseAll(claims)), expected) << "round " << round;
    }
  }
}

bool Within(const Interval& inner, const Interval& outer) {
  return inner.low >= outer.low && inner.high <= outer.high;
}

TEST(FusionProperty, AddingAConsistentClaimNeverWidensAnEstimate) {
  std::mt19937 rng(7);
  int checked = 0;
  for (int round = 0; round < 150; ++round) {
    std::vector<Claim> claims = RandomClaims(rng, 40);
    FusionResult before = FuseAll(claims);
    // A claim consistent with one estimate: inside its interval, dated in its current window.
    const Estimate& target = before.estimates[rng() % before.estimates.size()];
    if (target.interval.empty() || target.derived) continue;
    double lo = target.interval.low;
    double hi = target.interval.bounded() ? target.interval.high : lo + 500;
    double v = lo + std::floor((hi - lo) * (rng() % 1000) / 1000.0);
    Claim add = RandomClaim(rng, 1000, target.key, v, true, target.as_of.c_str());
    add.source_id = kSources[rng() % 5];
    claims.push_back(add);
    FusionResult after = FuseAll(claims);
    for (const Estimate& e : before.estimates) {
      const Estimate* a = after.Find(e.key);
      ASSERT_NE(a, nullptr);
      ASSERT_TRUE(Within(a->interval, e.interval))
          << "round " << round << " " << e.key.scope << " " << Name(e.key.category) << ": " << e.interval.ToString()
          << " became " << a->interval.ToString() << " after adding " << FigureText(add.qualifier, add.low, add.best, add.high)
          << " to " << target.key.scope << " " << Name(target.key.category);
    }
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

// Claims drawn around one consistent truth: no conflicts, every constraint satisfied, and
// every estimate contains the truth.
TEST(FusionProperty, HonestClaimsGiveEstimatesThatSatisfyEveryConstraintAndContainTheTruth) {
  std::mt19937 rng(2017);
  for (int round = 0; round < 60; ++round) {
    std::map<LedgerKey, double> truth;
    double region = 0;
    for (const char* iso : {"BEL", "NLD", "LUX"}) {
      double dep = 100 + rng() % 900, ret = std::floor(dep * (rng() % 40) / 100.0);
      double killed = std::floor(dep * (rng() % 30) / 100.0), theatre = std::floor((dep - ret - killed) * (rng() % 90) / 100.0);
      double women = std::floor(dep * (rng() % 20) / 100.0);
      truth[{iso, Category::kDeparted, Subgroup::kAll, Unit::kPersons}] = dep;
      truth[{iso, Category::kReturned, Subgroup::kAll, Unit::kPersons}] = ret;
      truth[{iso, Category::kKilled, Subgroup::kAll, Unit::kPersons}] = killed;
      truth[{iso, Category::kInTheater, Subgroup::kAll, Unit::kPersons}] = theatre;
      truth[{iso, Category::kDeparted, Subgroup::kWomen, Unit::kPersons}] = women;
      region += dep;
    }
    truth[{"Benelux", Category::kDeparted, Subgroup::kAll, Unit::kPersons}] = region;
    std::vector<Claim> claims;
    int64_t id = 1;
    for (const auto& [k, t] : truth)
      for (int n = 1 + rng() % 3; n-- > 0;) claims.push_back(RandomClaim(rng, id++, k, t, true, "2017-10-31"));
    FusionResult r = FuseAll(claims);
    ASSERT_TRUE(r.conflicts.empty()) << "round " << round << ": " << r.conflicts[0].summary;
    for (const auto& [k, t] : truth) {
      const Estimate* e = r.Find(k);
      ASSERT_NE(e, nullptr);
      ASSERT_TRUE(e->interval.Contains(t)) << k.scope << " " << Name(k.category) << " " << e->interval.ToString() << " ∌ " << t;
    }
    std::vector<Estimate> est = r.estimates;
    std::vector<Constraint> cons = BuildConstraints(est, Gazetteer::Bundled(), FusionConfig{});
    EXPECT_FALSE(cons.empty());
    std::vector<size_t> bad = Unsatisfied(est, cons);
    ASSERT_TRUE(bad.empty()) << cons[bad.front()].name;
  }
}

// Every stated estimate and feasible bound, in key order.
std::string StatedAndBounds(const FusionResult& r) {
  std::string s;
  for (const Estimate& e : r.estimates)
    s += e.key.scope + std::string(Name(e.key.category)) + std::string(Name(e.key.subgroup)) + e.interval.ToString() +
         (e.interval.best ? std::to_string(*e.interval.best) : "-") + e.bounds.ToString() + "|";
  return s;
}

// Issue 11: a second copy of an edition (the same source and date stating the same figure, read
// in another copy) changes no estimate, no bound and no conflict; nor does a copy's different
// figure when the edition has a headline, except that the disagreement is listed.
TEST(FusionProperty, ASecondCopyOfAnEditionChangesNothing) {
  std::mt19937 rng(11);
  int checked = 0;
  auto estimates = StatedAndBounds;
  for (int round = 0; round < 80; ++round) {
    std::vector<Claim> claims = RandomClaims(rng, 40);
    FusionResult before = FuseAll(claims);
    Claim copy = claims[rng() % claims.size()];
    copy.id = 5000;
    copy.note = "the same figure, read in another press copy";
    claims.push_back(copy);
    FusionResult after = FuseAll(claims);
    ASSERT_EQ(estimates(after), estimates(before)) << "round " << round;
    ASSERT_EQ(after.conflicts.size(), before.conflicts.size()) << "round " << round;
    // Now make the original a headline and let the copy print something else entirely.
    claims.back().role = ClaimRole::kTableTotal;
    claims.back().qualifier = Qualifier::kExact;
    claims.back().low = claims.back().high = std::nullopt;
    claims.back().best = 99999;
    for (Claim& c : claims)
      if (c.id != 5000 && c.scope == copy.scope && c.category == copy.category && c.subgroup == copy.subgroup &&
          c.source_id == copy.source_id && c.as_of == copy.as_of)
        c.role = ClaimRole::kHeadline;
    std::vector<Claim> headlined(claims.begin(), claims.end() - 1);
    FusionResult base = FuseAll(headlined);
    FusionResult variant = FuseAll(claims);
    ASSERT_EQ(estimates(variant), estimates(base)) << "round " << round;
    const Estimate* e = variant.Find(LedgerKey{copy.scope, copy.category, copy.subgroup, copy.unit});
    ASSERT_NE(e, nullptr);
    auto ev = std::find_if(e->evidence.begin(), e->evidence.end(), [](const Evidence& x) { return x.claim_id == 5000; });
    ASSERT_NE(ev, e->evidence.end());
    if (ev->role == EvidenceRole::kSuperseded) continue;  // an old stock figure: not weighed at all
    EXPECT_EQ(ev->role, EvidenceRole::kVariant) << "round " << round;
    bool listed = false;
    for (const Conflict& c : variant.conflicts)
      for (const ConflictSide& side : c.sides)
        for (const ClaimRef& ref : side.claims) listed |= c.kind == ConflictKind::kCopies && ref.id == 5000 && !side.credible;
    EXPECT_TRUE(listed) << "round " << round;
    ++checked;
  }
  EXPECT_GT(checked, 50);
}

// Issue 11 item 2: a second copy of an edition stored under another source that credits the
// edition's publisher (a newspaper printing a report's figure, dated the day of the report or
// later) folds into the edition: no stated estimate and no bound changes, and the copy is
// shown beside the edition's figure, never used as evidence of its own.
TEST(FusionProperty, ACopyUnderAnotherSourceCreditingAnEditionChangesNoEstimate) {
  std::map<std::string, Source> sources = Sources();
  for (auto& [id, s] : sources) {
    s.publisher = "The " + id + " Institute";
    s.published = "2014-01-01";
  }
  Source paper;
  paper.id = "paper";
  paper.publisher = "Daily Paper";
  paper.kind = SourceKind::kNews;
  sources["paper"] = paper;
  FusionConfig config;
  config.copy_window_days = 36500;  // the random dates span four years after the publications
  auto fuse = [&](const std::vector<Claim>& claims) {
    auto r = Fuse(claims, sources, config);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.value();
  };
  std::mt19937 rng(211);
  int variants = 0;
  for (int round = 0; round < 80; ++round) {
    std::vector<Claim> claims = RandomClaims(rng, 40);
    const FusionResult before = fuse(claims);
    const Claim& original = claims[rng() % claims.size()];
    Claim copy = original;
    copy.id = 6000;
    copy.source_id = "paper";
    copy.attributed_to = original.source_id + " institute";  // folded: case and "the" do not count
    size_t d = 0;
    while (kDates[d] != original.as_of) ++d;
    copy.as_of = kDates[d + rng() % (std::size(kDates) - d)];  // the same day or later
    claims.push_back(copy);
    const FusionResult after = fuse(claims);
    ASSERT_EQ(StatedAndBounds(after), StatedAndBounds(before)) << "round " << round;
    const Estimate* e = after.Find(LedgerKey{copy.scope, copy.category, copy.subgroup, copy.unit});
    ASSERT_NE(e, nullptr);
    auto ev = std::find_if(e->evidence.begin(), e->evidence.end(), [](const Evidence& x) { return x.claim_id == 6000; });
    ASSERT_NE(ev, e->evidence.end());
    EXPECT_EQ(ev->copy_of, original.source_id) << "round " << round;
    EXPECT_EQ(ev->copy_as_of, copy.as_of);
    if (ev->role == EvidenceRole::kSuperseded) continue;  // an old stock figure: not weighed at all
    EXPECT_EQ(ev->role, EvidenceRole::kVariant) << "round " << round;
    ++variants;
  }
  EXPECT_GT(variants, 50);
}

// Issue 11: the constraints between keys move only the feasible bounds. Every stated estimate
// equals what its key's claims give on their own, with no other key to constrain it.
TEST(FusionProperty, FeasibleBoundPropagationNeverChangesAStatedEstimate) {
  std::mt19937 rng(360);
  int narrowed = 0;
  for (int round = 0; round < 60; ++round) {
    std::vector<Claim> claims = RandomClaims(rng, 60);
    FusionResult all = FuseAll(claims);
    for (const Estimate& e : all.estimates) {
      if (!e.stated()) continue;
      std::vector<Claim> own;
      for (const Claim& c : claims)
        if (LedgerKey{c.scope, c.category, c.subgroup, c.unit} == e.key) own.push_back(c);
      FusionResult alone = FuseAll(own);
      ASSERT_EQ(alone.estimates.size(), 1u);
      ASSERT_EQ(e.interval, alone.estimates[0].interval)
          << "round " << round << " " << e.key.scope << " " << Name(e.key.category) << ": bounds "
          << e.bounds.ToString();
      ASSERT_TRUE(Within(e.bounds, e.interval)) << e.bounds.ToString() << " ⊄ " << e.interval.ToString();
      narrowed += !(e.bounds.low == e.interval.low && e.bounds.high == e.interval.high);
    }
  }
  EXPECT_GT(narrowed, 20);  // the constraints did narrow bounds: the property was exercised
}

TEST(Fusion, AsOfMustBeADateAndSetsTheReferenceForWeights) {
  FusionConfig c;
  c.as_of = "yesterday";
  EXPECT_FALSE(Fuse({}, Sources(), c).ok());
  c.as_of = "2019-10-31";
  auto r = Fuse({fusetest::Exact(1, "FRA", Category::kReturned, 271, "2017-10-31", "tank")}, Sources(), c);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->reference_date, "2019-10-31");
  EXPECT_NEAR(r->estimates[0].evidence[0].weight, 0.8 * std::pow(0.5, 730.0 / 730), 1e-12);
}

TEST(Fusion, InvalidClaimsAreSkippedAndLedgerEntriesCarryTheFusedFigure) {
  Claim bad = fusetest::Exact(9, "FRA", Category::kReturned, 1, "2017-10-31", "tank");
  bad.best.reset();  // exact without a number
  FusionResult r = FuseAll({fusetest::Exact(1, "FRA", Category::kReturned, 271, "2017-10-31", "tank"),
                        fusetest::Exact(2, "FRA", Category::kReturned, 302, "2017-10-31", "tank"), bad});
  ASSERT_EQ(r.estimates.size(), 1u);
  EXPECT_EQ(r.estimates[0].n_claims, 2);
  std::vector<LedgerEntry> l = ToLedgerEntries(r);
  ASSERT_EQ(l.size(), 1u);
  // Copies of one publication tying on two figures: the edition covers both (with margins).
  EXPECT_EQ(l[0].low, 270);
  EXPECT_EQ(l[0].best, 287);
  EXPECT_EQ(l[0].high, 303);
  EXPECT_EQ(l[0].method, "fused");
  EXPECT_TRUE(l[0].conflict);
  EXPECT_EQ(l[0].claim_ids.size(), 2u);
}

TEST(Explain, StepsNameTheTieTheWindowsAndTheResult) {
  FusionResult r = FuseAll({fusetest::Exact(1, "FRA", Category::kReturned, 250, "2015-12-07", "tank"),
                        fusetest::Exact(2, "FRA", Category::kReturned, 271, "2017-10-31", "tank"),
                        fusetest::Exact(3, "FRA", Category::kReturned, 302, "2017-10-31", "tank")});
  auto steps = Explain(r, LedgerKey{"FRA", Category::kReturned, Subgroup::kAll, Unit::kPersons}, FusionConfig{});
  ASSERT_TRUE(steps.ok());
  std::string text = ExplainText(*steps);
  EXPECT_NE(text.find("1. Claims"), std::string::npos) << text;
  EXPECT_NE(text.find("[copies, 2017-10-31] 271 (tank) vs 302 (tank)"), std::string::npos) << text;
  EXPECT_NE(text.find("Older windows bound it from below at 244"), std::string::npos) << text;  // "250" ± 6.25
  EXPECT_NE(text.find("as of 2017-10-31: stated estimate 287 (270–303); feasible bounds 270–303"),
            std::string::npos)
      << text;
  EXPECT_FALSE(Explain(r, LedgerKey{"USA", Category::kReturned, Subgroup::kAll, Unit::kPersons}, FusionConfig{}).ok());
}

}  // namespace
}  // namespace ftf
