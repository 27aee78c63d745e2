#include <cmath>
#include <string>

#include <fmt/format.h>

#include "ftfwatch/claim.h"

namespace ftf {
namespace {

constexpr std::string_view kCategoryNames[] = {"departed",  "returned",   "killed",    "detained",
                                               "in_theater", "relocated", "convicted", "affiliated"};
constexpr std::string_view kSubgroupNames[] = {"all", "men", "women", "minors"};
constexpr std::string_view kUnitNames[] = {"persons", "countries", "share"};
constexpr std::string_view kQualifierNames[] = {"exact",   "approx",     "at_least", "more_than",
                                                "at_most", "fewer_than", "range",    "vague"};
constexpr std::string_view kReviewNames[] = {"pending", "accepted", "rejected", "corrected"};

template <typename E, size_t N>
std::optional<E> Lookup(const std::string_view (&names)[N], std::string_view s) {
  for (size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace

std::string_view Name(Category c) { return kCategoryNames[static_cast<int>(c)]; }
std::string_view Name(Subgroup s) { return kSubgroupNames[static_cast<int>(s)]; }
std::string_view Name(Unit u) { return kUnitNames[static_cast<int>(u)]; }
std::string_view Name(Qualifier q) { return kQualifierNames[static_cast<int>(q)]; }
std::string_view Name(ReviewStatus r) { return kReviewNames[static_cast<int>(r)]; }

std::optional<Category> ParseCategory(std::string_view s) {
  if (s == "in_theatre" || s == "in-theater" || s == "in-theatre") return Category::kInTheater;
  return Lookup<Category>(kCategoryNames, s);
}
std::optional<Subgroup> ParseSubgroup(std::string_view s) {
  if (s == "children" || s == "minor") return Subgroup::kMinors;
  if (s == "woman") return Subgroup::kWomen;
  if (s == "") return Subgroup::kAll;
  return Lookup<Subgroup>(kSubgroupNames, s);
}
std::optional<Unit> ParseUnit(std::string_view s) {
  if (s == "") return Unit::kPersons;
  return Lookup<Unit>(kUnitNames, s);
}
std::optional<Qualifier> ParseQualifier(std::string_view s) { return Lookup<Qualifier>(kQualifierNames, s); }
std::optional<ReviewStatus> ParseReviewStatus(std::string_view s) { return Lookup<ReviewStatus>(kReviewNames, s); }

Status ValidateClaimShape(const Claim& c) {
  if (c.scope.empty()) return Status::InvalidArgument("scope: empty");
  // Messages start with the field they are about ("low: …"), for FILE:LINE: field: messages.
  const std::pair<const char*, const std::optional<double>*> fields[] = {
      {"low", &c.low}, {"best", &c.best}, {"high", &c.high}};
  for (const auto& [name, v] : fields) {
    if (v->has_value() && !std::isfinite(**v)) return Status::OutOfRange(fmt::format("{}: not finite", name));
    if (v->has_value() && **v < 0) return Status::OutOfRange(fmt::format("{}: negative number {}", name, **v));
    if (c.unit == Unit::kShare && v->has_value() && **v > 1)
      return Status::OutOfRange(fmt::format("{}: share {} is above 1", name, **v));
  }
  if (c.low && c.high && *c.low > *c.high)
    return Status::InvalidArgument(fmt::format("low: {} is greater than high {}", *c.low, *c.high));
  if (c.low && c.best && *c.low > *c.best)
    return Status::InvalidArgument(fmt::format("low: {} is greater than best {}", *c.low, *c.best));
  if (c.best && c.high && *c.best > *c.high)
    return Status::InvalidArgument(fmt::format("best: {} is greater than high {}", *c.best, *c.high));
  auto need = [&](bool ok, const char* what) {
    return ok ? Status::OK()
              : Status::InvalidArgument(fmt::format("qualifier: {} needs {}", Name(c.qualifier), what));
  };
  switch (c.qualifier) {
    case Qualifier::kExact: return need(c.best.has_value() || (c.low && c.high && *c.low == *c.high), "best");
    case Qualifier::kApprox: return need(c.best.has_value() || (c.low && c.high), "best (or low and high)");
    case Qualifier::kAtLeast:
    case Qualifier::kMoreThan: return need(c.low.has_value(), "low");
    case Qualifier::kAtMost:
    case Qualifier::kFewerThan: return need(c.high.has_value(), "high");
    case Qualifier::kRange:
    case Qualifier::kVague: return need(c.low.has_value() && c.high.has_value(), "low and high");
  }
  return Status::OK();
}

std::string ClaimFingerprint(const Claim& c) {
  auto num = [](const std::optional<double>& v) { return v ? fmt::format("{}", *v) : std::string("-"); };
  // Every field that makes a figure what it is; \x1f cannot occur in the text fields' meaning.
  return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}",
                     c.scope, Name(c.category), Name(c.subgroup), Name(c.unit), num(c.low), num(c.best),
                     num(c.high), Name(c.qualifier), c.as_of, c.source_id, c.attributed_to.value_or("-"),
                     c.document_sha256, c.span ? fmt::format("{}:{}", c.span->start, c.span->end) : "-",
                     c.cue, c.page, c.note);
}

}  // namespace ftf
