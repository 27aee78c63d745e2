// Copies under other sources (fuse/copies.h; docs/fusion.md "Copies under other sources"): the
// worked examples of the docs, each a test.
#include "fuse/copies.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "fuse/fusion.h"
#include "fuse/test_util.h"
#include "fuse/weights.h"

namespace ftf {
namespace {

using fusetest::Exact;
using fusetest::MakeClaim;

// Soufan 2015 and 2017 (think tank, aliases as the bundled baseline has them), a government, and
// newspapers that quote them.
std::map<std::string, Source> Library() {
  std::map<std::string, Source> s;
  auto add = [&](const std::string& id, const std::string& publisher, const std::string& published, SourceKind k,
                 std::vector<std::string> aliases = {}) {
    Source src;
    src.id = id;
    src.publisher = publisher;
    src.published = published;
    src.kind = k;
    src.aliases = std::move(aliases);
    s[id] = src;
  };
  add("soufan2015", "The Soufan Group", "2015-12-07", SourceKind::kThinkTank, {"Soufan Center", "TSG"});
  add("soufan2017", "The Soufan Center (with The Global Strategy Network)", "2017-10-24", SourceKind::kThinkTank,
      {"Soufan Center", "Soufan Group", "TSG"});
  add("homeoffice", "UK Home Office", "2017-11-01", SourceKind::kGovernment);
  add("icct2016", "International Centre for Counter-Terrorism - The Hague (ICCT)", "2016-04-01", SourceKind::kThinkTank);
  for (const char* paper : {"paper1", "paper2", "paper3", "paper4"})
    add(paper, std::string("Daily ") + paper, "2017-10-27", SourceKind::kNews);
  return s;
}

FusionResult FuseLib(const std::vector<Claim>& claims, FusionConfig config = {}) {
  auto r = Fuse(claims, Library(), config);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.value();
}

Claim Credit(Claim c, const std::string& who) {
  c.attributed_to = who;
  return c;
}

const Evidence& EvidenceOf(const Estimate& e, int64_t id) {
  auto it = std::find_if(e.evidence.begin(), e.evidence.end(), [&](const Evidence& x) { return x.claim_id == id; });
  EXPECT_NE(it, e.evidence.end()) << "claim " << id;
  return *it;
}

TEST(SourceNames, PublisherAcronymAndAliasesFolded) {
  EXPECT_EQ(FoldSourceName("The Soufan Group"), "soufan group");
  EXPECT_EQ(FoldSourceName("  Säpo "), "sapo");
  EXPECT_EQ(FoldSourceName("International Centre for Counter-Terrorism"), "international centre for counter terrorism");
  std::vector<std::string> icct = SourceNames(Library()["icct2016"]);
  EXPECT_EQ(icct, (std::vector<std::string>{"international centre for counter terrorism the hague icct", "icct",
                                            "international centre for counter terrorism the hague"}));
  // Several words in brackets are part of the name, not another name.
  std::vector<std::string> tsc = SourceNames(Library()["soufan2017"]);
  EXPECT_EQ(tsc, (std::vector<std::string>{"soufan center with the global strategy network", "soufan center",
                                           "soufan group", "tsg"}));
}

// Which edition a crediting claim copies: the latest publication of that name at or before the
// claim's date (plus the lead), within the window; nobody, an unknown name or the claim's own
// source: no copy.
TEST(CopyIndex, LatestEditionOfTheCreditedNameAtOrBeforeTheCopy) {
  std::map<std::string, Source> lib = Library();
  // Soufan's own web pages: one more edition of the Group's name, and a second record of the
  // 2017 report under the Center's name, published the same day.
  lib["tsgpage"] = lib["soufan2015"];
  lib["tsgpage"].id = "tsgpage";
  lib["tsgpage"].aliases.clear();
  lib["tsgpage"].published = "2017-10-30";
  lib["tsc2017page"] = lib["tsgpage"];
  lib["tsc2017page"].id = "tsc2017page";
  lib["tsc2017page"].publisher = "The Soufan Center";
  lib["tsc2017page"].published = "2017-10-24";
  const CopyIndex index(lib, {{"soufan2017", 40}, {"tsc2017page", 3}}, FusionConfig{});
  auto edition = [&](const std::string& who, const std::string& date, const std::string& own = "paper1") {
    Claim c = Credit(Exact(1, "FRA", Category::kReturned, 271, date, own), who);
    auto t = index.EditionOf(c, *DayNumber(date));
    return t ? t->source_id : std::string("-");
  };
  EXPECT_EQ(edition("Soufan Group", "2016-04-01"), "soufan2015");
  EXPECT_EQ(edition("the soufan group", "2017-10-27"), "tsgpage");   // published within the lead
  EXPECT_EQ(edition("Soufan Center", "2017-10-27"), "soufan2017");   // same day as tsc2017page: more claims
  EXPECT_EQ(edition("Soufan Center", "2017-10-01"), "soufan2017");   // a page dated to its month's first day
  EXPECT_EQ(edition("Soufan Center", "2017-09-01"), "soufan2015");   // beyond the 31-day lead
  EXPECT_EQ(edition("TSG", "2017-11-15"), "soufan2017");             // tsgpage does not answer to "TSG"
  EXPECT_EQ(edition("Soufan Center", "2019-10-23"), "soufan2017");   // 729 days later
  EXPECT_EQ(edition("Soufan Center", "2019-10-25"), "-");            // 731 days: may quote a later report
  EXPECT_EQ(edition("ICCT", "2016-05-01"), "icct2016");
  EXPECT_EQ(edition("", "2017-10-27"), "-");
  EXPECT_EQ(edition("Interior Ministry", "2017-10-27"), "-");
  EXPECT_EQ(edition("UN, Soufan Group and ICSR", "2017-10-27"), "-");  // several credited: no one edition
  EXPECT_EQ(edition("Soufan Group", "2017-11-15", "tsgpage"), "-");   // its own name: its own edition
  Claim undated = Credit(Exact(1, "FRA", Category::kReturned, 271, "", "paper1"), "TSG");
  EXPECT_FALSE(index.EditionOf(undated, -1000000).has_value());
  // Same name, same day: the fuller record, then the smaller id.
  const CopyIndex fuller(lib, {{"tsc2017page", 5}}, FusionConfig{});
  Claim c = Credit(Exact(1, "FRA", Category::kReturned, 271, "2017-10-27", "paper1"), "Soufan Center");
  EXPECT_EQ(fuller.EditionOf(c, *DayNumber("2017-10-27"))->source_id, "tsc2017page");
  EXPECT_EQ(CopyIndex(lib, {}, FusionConfig{}).EditionOf(c, *DayNumber("2017-10-27"))->source_id, "soufan2017");
}

// The case the folding exists for. United Kingdom returned: the Home Office says 412 (weight
// 1.0); Soufan 2017 says 425 (0.8); three newspapers print Soufan's 425, crediting it. Counted as
// independent, the copies (3 × 0.4) would carry 425 over the government's count. Folded, Soufan's
// edition counts once: the Home Office's 412 stands, Soufan's 425 is outvoted and listed, and the
// copies are shown beside Soufan's figure under their own sources, with no copies conflict.
TEST(Copies, PressCopiesOfAReportCountOnce) {
  std::vector<Claim> claims = {Exact(1, "GBR", Category::kReturned, 412, "2017-11-01", "homeoffice"),
                               Exact(2, "GBR", Category::kReturned, 425, "2017-10-31", "soufan2017")};
  int64_t id = 10;
  for (const char* paper : {"paper1", "paper2", "paper3"})
    claims.push_back(Credit(Exact(id++, "GBR", Category::kReturned, 425, "2017-10-27", paper), "Soufan Center"));
  FusionConfig unfolded;
  unfolded.copy_window_days = 0;
  unfolded.copy_lead_days = 0;  // nothing folds: the copies stand beside the report
  FusionResult unfolded_result = FuseLib(claims, unfolded);
  EXPECT_EQ(unfolded_result.estimates[0].interval.best, 425);

  FusionResult r = FuseLib(claims);
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 410);  // 412 ± 0.5 %
  EXPECT_EQ(e.interval.high, 414);
  EXPECT_EQ(e.interval.best, 412);
  EXPECT_EQ(EvidenceOf(e, 2).role, EvidenceRole::kOutvoted);
  for (int64_t c = 10; c < 13; ++c) {
    const Evidence& copy = EvidenceOf(e, c);
    EXPECT_EQ(copy.role, EvidenceRole::kVariant);
    EXPECT_EQ(copy.copy_of, "soufan2017");
    EXPECT_EQ(copy.copy_as_of, "2017-10-27");
    EXPECT_EQ(copy.as_of, "2017-10-31");  // the edition's date
    EXPECT_NE(copy.source_id, "soufan2017");
  }
  ASSERT_EQ(e.windows.size(), 1u);
  EXPECT_EQ(e.windows[0].editions, 2);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].kind, ConflictKind::kDisagreement);
}

// France returned: Soufan's own record says 271; a newspaper credits Soufan with 302. The
// edition's own figure stands; the copy's figure is a variant, listed as a copies conflict
// with the newspaper as its source and Soufan 2017 as the edition it copies. A second paper
// that prints Soufan's 271 takes no side.
TEST(Copies, ACopysDifferentFigureIsAListedVariant) {
  FusionResult r = FuseLib({Exact(1, "FRA", Category::kReturned, 271, "2017-10-31", "soufan2017"),
                            Credit(Exact(2, "FRA", Category::kReturned, 302, "2017-10-27", "paper1"), "Soufan Group"),
                            Credit(Exact(3, "FRA", Category::kReturned, 271, "2017-10-28", "paper2"), "Soufan Group")});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.best, 271);
  EXPECT_EQ(e.sources, std::vector<std::string>{"soufan2017"});
  EXPECT_TRUE(e.conflict);
  ASSERT_EQ(r.conflicts.size(), 1u);
  const Conflict& c = r.conflicts[0];
  EXPECT_EQ(c.kind, ConflictKind::kCopies);
  ASSERT_EQ(c.sides.size(), 2u);
  EXPECT_TRUE(c.sides[0].credible);
  EXPECT_EQ(c.sides[0].claims[0].source_id, "soufan2017");
  EXPECT_FALSE(c.sides[1].credible);
  EXPECT_EQ(c.sides[1].claims[0].source_id, "paper1");
  EXPECT_EQ(c.sides[1].claims[0].copy_of, "soufan2017");
  EXPECT_EQ(c.sides[1].claims[0].as_of, "2017-10-27");
  ASSERT_EQ(c.sides[0].claims.size(), 1u);
  ASSERT_EQ(c.sides[1].claims.size(), 1u);
  EXPECT_EQ(EvidenceOf(e, 3).role, EvidenceRole::kVariant);
  EXPECT_NE(c.summary.find("271 (soufan2017) vs 302 (paper1)"), std::string::npos) << c.summary;
}

// Copies that restate the edition's figure, or restate it more loosely, agree: no conflict.
TEST(Copies, ALooserRestatementAgrees) {
  FusionResult r = FuseLib(
      {MakeClaim(1, "World", Category::kDeparted, Qualifier::kMoreThan, 40000, std::nullopt, std::nullopt, "2017-10-31",
                 "soufan2017"),
       Credit(MakeClaim(2, "World", Category::kDeparted, Qualifier::kMoreThan, 27000, std::nullopt, std::nullopt,
                        "2017-11-10", "paper1"),
              "TSG"),
       Credit(MakeClaim(3, "World", Category::kDeparted, Qualifier::kMoreThan, 40000, std::nullopt, std::nullopt,
                        "2017-10-27", "paper2"),
              "Soufan Center")});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 40001);
  EXPECT_FALSE(e.interval.bounded());
  EXPECT_TRUE(r.conflicts.empty()) << r.conflicts[0].summary;
  EXPECT_EQ(EvidenceOf(e, 2).role, EvidenceRole::kVariant);
  EXPECT_EQ(EvidenceOf(e, 3).role, EvidenceRole::kVariant);
}

// A table total or a figure one copy prints never outranks the edition's headline, across
// sources too: Soufan's headline "more than 40,000" against a newspaper crediting Soufan with
// the 53,781 table sum (even when that newspaper's row is marked as its own headline), and
// against a copy that is the only one to print 41,200.
TEST(Copies, NoCopyOutranksTheHeadlineAcrossSources) {
  Claim headline = MakeClaim(1, "World", Category::kDeparted, Qualifier::kMoreThan, 40000, std::nullopt, std::nullopt,
                             "2017-10-31", "soufan2017");
  headline.role = ClaimRole::kHeadline;
  Claim total = Credit(Exact(2, "World", Category::kDeparted, 53781, "2017-10-27", "paper1"), "Soufan Center");
  total.role = ClaimRole::kTableTotal;
  Claim paper_headline = Credit(Exact(3, "World", Category::kDeparted, 53781, "2017-10-28", "paper2"), "Soufan Center");
  paper_headline.role = ClaimRole::kHeadline;
  Claim lone = Credit(Exact(4, "World", Category::kDeparted, 41200, "2017-10-29", "paper3"), "Soufan Group");
  FusionResult r = FuseLib({total, paper_headline, lone, headline});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 40001);
  EXPECT_FALSE(e.interval.bounded());
  EXPECT_FALSE(e.interval.best.has_value());
  EXPECT_EQ(e.wording, ">40,000");
  for (int64_t c : {2, 3, 4}) EXPECT_EQ(EvidenceOf(e, c).role, EvidenceRole::kVariant) << c;
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].kind, ConflictKind::kCopies);
  ASSERT_EQ(r.conflicts[0].sides.size(), 3u);  // >40,000 | 53,781 (two copies) | 41,200
  EXPECT_EQ(r.conflicts[0].sides[1].claims.size(), 2u);

  // Without Soufan's own row the copies vote, as the copies of one edition do: 53,781 (two)
  // outvotes 41,200 (one), and the edition counts once, with a newspaper's weight.
  FusionResult copies_only = FuseLib({total, paper_headline, lone});
  const Estimate& c = copies_only.estimates[0];
  EXPECT_EQ(c.interval.best, 53781);
  EXPECT_EQ(c.windows[0].editions, 1);
  EXPECT_EQ(EvidenceOf(c, 4).role, EvidenceRole::kVariant);
  EXPECT_EQ(EvidenceOf(c, 2).as_of, "2017-10-24");  // no own claim of the key: the publication date
}

// A copy that credits nobody, or someone not in the store, stays independent evidence.
TEST(Copies, UncreditedOrUnknownCreditStaysIndependent) {
  FusionResult r = FuseLib({Exact(1, "FRA", Category::kReturned, 271, "2017-10-31", "soufan2017"),
                            Exact(2, "FRA", Category::kReturned, 271, "2017-10-27", "paper1"),
                            Credit(Exact(3, "FRA", Category::kReturned, 271, "2017-10-27", "paper2"), "French police")});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.windows[0].editions, 3);
  EXPECT_EQ(EvidenceOf(e, 2).role, EvidenceRole::kUsed);
  EXPECT_EQ(EvidenceOf(e, 3).role, EvidenceRole::kUsed);
  EXPECT_TRUE(EvidenceOf(e, 3).copy_of.empty());
}

// A copy dated years after the report it credits moves to the report's window: the 2019 page
// quoting Soufan 2017 is not a "newer" figure that supersedes everything before it.
TEST(Copies, ALaterCopyTakesItsEditionsDate) {
  Claim copy = Credit(Exact(2, "TUR", Category::kDetained, 7240, "2019-06-01", "paper1"), "Soufan Center");
  FusionResult r = FuseLib({Exact(1, "TUR", Category::kDetained, 7240, "2017-10-31", "soufan2017"), copy,
                            Exact(3, "TUR", Category::kDetained, 5000, "2018-12-01", "homeoffice")});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.as_of, "2018-12-01");  // the newest figure is the 2018 one, not the 2019 copy
  EXPECT_EQ(e.interval.best, 5000);
  EXPECT_EQ(EvidenceOf(e, 2).as_of, "2017-10-31");
  EXPECT_EQ(EvidenceOf(e, 2).copy_as_of, "2019-06-01");
}

}  // namespace
}  // namespace ftf
