#include "store/review.h"

#include <gtest/gtest.h>

namespace ftf {
namespace {

Claim Extracted(ReviewStatus status) {
  Claim c;
  c.id = 7;
  c.scope = "BEL";
  c.category = Category::kDeparted;
  c.qualifier = Qualifier::kApprox;
  c.best = 500;
  c.source_id = "news";
  c.origin = "extractor/1.1.0";
  c.cue = "around 500";
  c.sentence = "Belgium (around 500) and the Netherlands (some 250).";
  c.review = status;
  return c;
}

ReviewDecision Decision(ReviewAction a, std::string reason = "") { return {7, a, std::move(reason), std::nullopt}; }

struct Transition {
  ReviewStatus from;
  ReviewAction action;
  bool allowed;
};

// Every (status, action) pair: the table in review.h.
TEST(PlanReview, EveryTransitionIsAllowedOrRefusedAsDocumented) {
  const Transition table[] = {
      {ReviewStatus::kPending, ReviewAction::kAccept, true},    {ReviewStatus::kPending, ReviewAction::kReject, true},
      {ReviewStatus::kPending, ReviewAction::kCorrect, true},   {ReviewStatus::kAccepted, ReviewAction::kAccept, false},
      {ReviewStatus::kAccepted, ReviewAction::kReject, true},   {ReviewStatus::kAccepted, ReviewAction::kCorrect, true},
      {ReviewStatus::kRejected, ReviewAction::kAccept, true},   {ReviewStatus::kRejected, ReviewAction::kReject, false},
      {ReviewStatus::kRejected, ReviewAction::kCorrect, true},  {ReviewStatus::kCorrected, ReviewAction::kAccept, false},
      {ReviewStatus::kCorrected, ReviewAction::kReject, false}, {ReviewStatus::kCorrected, ReviewAction::kCorrect, false},
  };
  for (const Transition& t : table) {
    Claim c = Extracted(t.from);
    ReviewDecision d = Decision(t.action, "a reason");
    if (t.action == ReviewAction::kCorrect) {
      Claim fix = c;
      fix.best = 450;
      d.correction = fix;
    }
    auto step = PlanReview(c, d, "ana", "2024-05-06T07:08:09Z");
    SCOPED_TRACE(std::string(Name(t.from)) + " + " + std::string(Name(t.action)));
    ASSERT_EQ(step.ok(), t.allowed) << (step.ok() ? "" : step.status().message());
    if (!t.allowed) {
      EXPECT_EQ(step.status().code(), StatusCode::kFailedPrecondition);
      continue;
    }
    ReviewStatus expected = t.action == ReviewAction::kAccept   ? ReviewStatus::kAccepted
                            : t.action == ReviewAction::kReject ? ReviewStatus::kRejected
                                                                : ReviewStatus::kCorrected;
    EXPECT_EQ(step->status, expected);
    EXPECT_EQ(step->log.actor, "ana");
    EXPECT_EQ(step->log.at, "2024-05-06T07:08:09Z");
    EXPECT_EQ(step->log.action, Name(t.action));
    EXPECT_EQ(step->log.cue, "around 500");
    EXPECT_EQ(step->log.claim_fingerprint, ClaimFingerprint(c));
    EXPECT_NE(step->log.before.find("\"review\":\"" + std::string(Name(t.from)) + "\""), std::string::npos);
    EXPECT_EQ(step->correction.has_value(), t.action == ReviewAction::kCorrect);
  }
}

TEST(PlanReview, RejectionNeedsAReason) {
  auto step = PlanReview(Extracted(ReviewStatus::kPending), Decision(ReviewAction::kReject), "ana", "t");
  ASSERT_FALSE(step.ok());
  EXPECT_EQ(step.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(step.status().message().find("reason"), std::string::npos);
}

TEST(PlanReview, CorrectionIsANewAcceptedClaimByReviewAndMustChangeSomething) {
  Claim c = Extracted(ReviewStatus::kPending);
  ReviewDecision same = Decision(ReviewAction::kCorrect);
  same.correction = c;
  auto none = PlanReview(c, same, "ana", "t");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("changes nothing"), std::string::npos);

  ReviewDecision bad = Decision(ReviewAction::kCorrect);
  Claim broken = c;
  broken.low = 900;
  broken.high = 100;
  broken.qualifier = Qualifier::kRange;
  bad.correction = broken;
  auto shape = PlanReview(c, bad, "ana", "t");
  ASSERT_FALSE(shape.ok());
  EXPECT_NE(shape.status().message().find("low: 900 is greater than high 100"), std::string::npos)
      << shape.status().message();

  auto fix = CorrectField(c, "scope", "the Netherlands");
  ASSERT_TRUE(fix.ok()) << fix.status().message();
  ReviewDecision d = Decision(ReviewAction::kCorrect, "it is the Dutch figure");
  d.correction = *fix;
  auto step = PlanReview(c, d, "ana", "t");
  ASSERT_TRUE(step.ok()) << step.status().message();
  ASSERT_TRUE(step->correction);
  EXPECT_EQ(step->correction->scope, "NLD");
  EXPECT_EQ(step->correction->origin, "review");
  EXPECT_EQ(step->correction->review, ReviewStatus::kAccepted);
  EXPECT_EQ(step->correction->sentence, c.sentence);
  EXPECT_NE(step->log.after.find("\"scope\":\"NLD\""), std::string::npos) << step->log.after;
}

TEST(CorrectField, ParsesEachFieldAndNamesTheFieldOnError) {
  Claim c = Extracted(ReviewStatus::kPending);
  EXPECT_EQ(CorrectField(c, "category", "returned")->category, Category::kReturned);
  EXPECT_EQ(CorrectField(c, "subgroup", "women")->subgroup, Subgroup::kWomen);
  EXPECT_EQ(CorrectField(c, "best", "425")->best, 425);
  EXPECT_FALSE(CorrectField(c, "best", "null")->best.has_value());
  EXPECT_EQ(CorrectField(c, "attributed_to", "Soufan Center")->attributed_to, "Soufan Center");
  EXPECT_EQ(CorrectField(c, "qualifier", "more_than")->qualifier, Qualifier::kMoreThan);
  auto bad_num = CorrectField(c, "low", "many");
  ASSERT_FALSE(bad_num.ok());
  EXPECT_EQ(bad_num.status().message(), "low: not a number 'many'");
  auto bad_field = CorrectField(c, "origin", "manual");
  ASSERT_FALSE(bad_field.ok());
  EXPECT_EQ(bad_field.status().message().rfind("origin: not a field", 0), 0u);
  auto bad_scope = CorrectField(c, "scope", "Atlantis");
  ASSERT_FALSE(bad_scope.ok());
  EXPECT_EQ(bad_scope.status().message().rfind("scope", 0), 0u);
}

TEST(CarryDecisions, SameCueAndSentenceKeepTheDecision) {
  Claim rejected = Extracted(ReviewStatus::kRejected);
  rejected.review_note = "a list of another population";
  Claim pending = Extracted(ReviewStatus::kPending);
  pending.cue = "some 250";
  pending.scope = "NLD";
  Claim fresh_same = Extracted(ReviewStatus::kPending);
  fresh_same.origin = "extractor/2.0.0";
  Claim fresh_other_sentence = fresh_same;
  fresh_other_sentence.sentence = "Belgium (around 500).";
  Claim fresh_pending_cue = pending;
  std::vector<Claim> fresh = {fresh_same, fresh_other_sentence, fresh_pending_cue};
  EXPECT_EQ(CarryDecisions({rejected, pending}, fresh), 1);
  EXPECT_EQ(fresh[0].review, ReviewStatus::kRejected);
  EXPECT_EQ(fresh[0].review_note, "a list of another population");
  EXPECT_EQ(fresh[1].review, ReviewStatus::kPending);
  EXPECT_EQ(fresh[2].review, ReviewStatus::kPending);
}

TEST(CarryDecisions, SeveralClaimsOfOneCueAreMatchedByScopeAndCategory) {
  Claim bel = Extracted(ReviewStatus::kAccepted);
  Claim nld = Extracted(ReviewStatus::kRejected);
  nld.scope = "NLD";
  std::vector<Claim> fresh = {Extracted(ReviewStatus::kPending), Extracted(ReviewStatus::kPending)};
  fresh[1].scope = "NLD";
  EXPECT_EQ(CarryDecisions({bel, nld}, fresh), 2);
  EXPECT_EQ(fresh[0].review, ReviewStatus::kAccepted);
  EXPECT_EQ(fresh[1].review, ReviewStatus::kRejected);
}

// Regression: one cue naming five countries, one of them rejected, must not reject all five.
TEST(CarryDecisions, APendingClaimSharingTheCueStaysPending) {
  Claim deu = Extracted(ReviewStatus::kRejected);
  deu.scope = "DEU";
  Claim fra = Extracted(ReviewStatus::kPending);
  fra.scope = "FRA";
  std::vector<Claim> fresh = {fra, deu};
  fresh[0].review = fresh[1].review = ReviewStatus::kPending;
  EXPECT_EQ(CarryDecisions({deu, fra}, fresh), 1);
  EXPECT_EQ(fresh[0].review, ReviewStatus::kPending);
  EXPECT_EQ(fresh[1].review, ReviewStatus::kRejected);
}

TEST(LedgerStatuses, AcceptedOnlyUnlessPendingIsAsked) {
  EXPECT_EQ(LedgerStatuses(false), std::vector<ReviewStatus>{ReviewStatus::kAccepted});
  EXPECT_EQ(LedgerStatuses(true), (std::vector<ReviewStatus>{ReviewStatus::kAccepted, ReviewStatus::kPending}));
}

}  // namespace
}  // namespace ftf
