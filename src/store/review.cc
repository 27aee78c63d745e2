#include "store/review.h"

#include <cstdlib>
#include <ctime>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "claims/claim_json.h"
#include "geo/gazetteer.h"

namespace ftf {

std::string_view Name(ReviewAction a) {
  switch (a) {
    case ReviewAction::kAccept: return "accept";
    case ReviewAction::kReject: return "reject";
    case ReviewAction::kCorrect: return "correct";
  }
  return "accept";
}

std::string ReviewLogKey(const ReviewLogEntry& e) {
  return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", e.at, e.actor, e.action, e.claim_fingerprint, e.after);
}

std::vector<ReviewStatus> LedgerStatuses(bool include_pending) {
  if (include_pending) return {ReviewStatus::kAccepted, ReviewStatus::kPending};
  return {ReviewStatus::kAccepted};
}

bool IsExtractorOrigin(std::string_view origin) { return origin.rfind("extractor/", 0) == 0; }

std::string UtcNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

ReviewStatus Target(ReviewAction a) {
  switch (a) {
    case ReviewAction::kAccept: return ReviewStatus::kAccepted;
    case ReviewAction::kReject: return ReviewStatus::kRejected;
    case ReviewAction::kCorrect: return ReviewStatus::kCorrected;
  }
  return ReviewStatus::kAccepted;
}

// The claim as the log shows it: its JSON without the database-local id.
std::string LogJson(const Claim& c) {
  nlohmann::json j = ClaimToJson(c);
  j.erase("id");
  j["review"] = Name(c.review);
  return j.dump();
}

}  // namespace

Result<ReviewStep> PlanReview(const Claim& current, const ReviewDecision& d, const std::string& actor,
                              const std::string& at) {
  const ReviewStatus to = Target(d.action);
  if (current.review == ReviewStatus::kCorrected)
    return Status::FailedPrecondition(fmt::format(
        "claim {}: already corrected; review its correction instead", current.id));
  if (current.review == to)
    return Status::FailedPrecondition(
        fmt::format("claim {}: already {}", current.id, Name(current.review)));
  if (d.action == ReviewAction::kReject && d.reason.empty())
    return Status::InvalidArgument(fmt::format("claim {}: reason: a rejection needs a reason", current.id));
  ReviewStep step;
  step.status = to;
  step.review_note = d.reason;
  Claim after = current;
  after.review = to;
  after.review_note = d.reason;
  if (d.action == ReviewAction::kCorrect) {
    if (!d.correction) return Status::InvalidArgument(fmt::format("claim {}: correction: missing", current.id));
    Claim fix = *d.correction;
    fix.id = 0;
    fix.review = ReviewStatus::kAccepted;
    fix.review_note = d.reason;
    fix.origin = "review";
    fix.rule.clear();
    if (ClaimFingerprint(fix) == ClaimFingerprint(current))
      return Status::InvalidArgument(fmt::format("claim {}: correction: changes nothing", current.id));
    Status shape = ValidateClaimShape(fix);
    if (!shape.ok()) return shape.WithContext(fmt::format("claim {}: correction", current.id));
    step.correction = fix;
    after = fix;
  }
  step.log.at = at;
  step.log.actor = actor;
  step.log.action = std::string(Name(d.action));
  step.log.claim_fingerprint = ClaimFingerprint(current);
  step.log.document_sha256 = current.document_sha256;
  step.log.cue = current.cue;
  step.log.sentence = current.sentence;
  step.log.reason = d.reason;
  step.log.before = LogJson(current);
  step.log.after = LogJson(after);
  return step;
}

Result<Claim> CorrectField(Claim c, const std::string& field, const std::string& value) {
  auto bad = [&](std::string_view what) {
    return Status::InvalidArgument(fmt::format("{}: {} '{}'", field, what, value));
  };
  auto number = [&](std::optional<double>& dst) -> Status {
    if (value.empty() || value == "null") {
      dst.reset();
      return Status::OK();
    }
    char* end = nullptr;
    double v = std::strtod(value.c_str(), &end);
    if (end == value.c_str() || *end != '\0') return bad("not a number");
    dst = v;
    return Status::OK();
  };
  if (field == "scope") {
    auto s = Gazetteer::Bundled().ResolveScope(value);
    if (!s.ok()) return s.status().WithContext("scope");
    c.scope = s.value();
  } else if (field == "category") {
    auto v = ParseCategory(value);
    if (!v) return bad("unknown category");
    c.category = *v;
  } else if (field == "subgroup") {
    auto v = ParseSubgroup(value);
    if (!v) return bad("unknown subgroup");
    c.subgroup = *v;
  } else if (field == "unit") {
    auto v = ParseUnit(value);
    if (!v) return bad("unknown unit");
    c.unit = *v;
  } else if (field == "qualifier") {
    auto v = ParseQualifier(value);
    if (!v) return bad("unknown qualifier");
    c.qualifier = *v;
  } else if (field == "low") {
    FTF_RETURN_IF_ERROR(number(c.low));
  } else if (field == "best") {
    FTF_RETURN_IF_ERROR(number(c.best));
  } else if (field == "high") {
    FTF_RETURN_IF_ERROR(number(c.high));
  } else if (field == "as_of") {
    c.as_of = value;
  } else if (field == "attributed_to") {
    if (value.empty() || value == "null") c.attributed_to.reset();
    else c.attributed_to = value;
  } else if (field == "page") {
    c.page = value;
  } else if (field == "note") {
    c.note = value;
  } else {
    return Status::InvalidArgument(fmt::format(
        "{}: not a field a correction can set (scope, category, subgroup, unit, low, best, high, qualifier, "
        "as_of, attributed_to, page, note)",
        field));
  }
  return c;
}

int64_t CarryDecisions(const std::vector<Claim>& old_claims, std::vector<Claim>& fresh) {
  // Every old claim by (cue, sentence): a pending one sharing the cue must still be told apart
  // from a decided one ("Hundreds have returned to Russia, France …" is one claim per country).
  std::multimap<std::pair<std::string, std::string>, const Claim*> by_cue;
  for (const Claim& c : old_claims) by_cue.emplace(std::make_pair(c.cue, c.sentence), &c);
  int64_t carried = 0;
  for (Claim& f : fresh) {
    auto [lo, hi] = by_cue.equal_range({f.cue, f.sentence});
    if (lo == hi) continue;
    const Claim* pick = nullptr;
    if (std::next(lo) == hi) {
      pick = lo->second;
    } else {
      for (auto it = lo; it != hi; ++it) {
        const Claim& o = *it->second;
        if (std::tie(o.scope, o.category, o.subgroup) == std::tie(f.scope, f.category, f.subgroup)) {
          pick = &o;
          break;
        }
      }
    }
    if (!pick || pick->review == ReviewStatus::kPending) continue;
    f.review = pick->review;
    f.review_note = pick->review_note;
    ++carried;
  }
  return carried;
}

}  // namespace ftf
