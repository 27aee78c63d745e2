// The claim: one figure as a source states it. The central noun of ftfwatch.
//
// A claim says, for one scope (an ISO3 country or a region's scope name), how many people of a
// category and subgroup a source counted, in the source's own terms: a qualifier ("more than",
// "about", "between") and the numbers it gave (low/best/high; a number the source did not give
// is nullopt, never 0). Claims are never edited in place: a correction is a new claim.
// See docs/intervals.md for how a claim becomes an interval.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ftfwatch/status.h"

namespace ftf {

// The population being counted.
enum class Category {
  kDeparted,    // travelled to join (Syria/Iraq)
  kReturned,    // came back to the scope
  kKilled,      // died in theatre
  kDetained,    // held in prisons or closed camps
  kInTheater,   // still in Syria or Iraq, not held
  kRelocated,   // moved on to another theatre
  kConvicted,   // sentenced by a court
  kAffiliated,  // ICSR 2018/2019 "affiliates": travellers plus children born in theatre
};
inline constexpr int kCategoryCount = 8;

enum class Subgroup { kAll, kMen, kWomen, kMinors };
inline constexpr int kSubgroupCount = 4;

enum class Unit {
  kPersons,
  kCountries,  // "from over 110 countries": how many countries the category is counted for
  kShare,      // a fraction 0..1 of those who departed from the scope
};

enum class Qualifier { kExact, kApprox, kAtLeast, kMoreThan, kAtMost, kFewerThan, kRange, kVague };

// Where a claim stands in review (docs/review.md). Extracted claims enter `pending`; claims
// typed in or imported from a curated file enter `accepted`. Only accepted claims feed the
// ledger, map, risk and report unless pending ones are asked for. A `corrected` claim is
// replaced by its correction (a new accepted claim); a `rejected` one carries its reason.
enum class ReviewStatus { kPending, kAccepted, kRejected, kCorrected };

// Names as used in JSON, CSV and the command line ("departed", "in_theater", "fewer_than").
std::string_view Name(Category c);
std::string_view Name(Subgroup s);
std::string_view Name(Unit u);
std::string_view Name(Qualifier q);
std::string_view Name(ReviewStatus r);
// Parses a name; also accepts common variants ("in_theatre", "children" for minors).
std::optional<Category> ParseCategory(std::string_view s);
std::optional<Subgroup> ParseSubgroup(std::string_view s);
std::optional<Unit> ParseUnit(std::string_view s);
std::optional<Qualifier> ParseQualifier(std::string_view s);
std::optional<ReviewStatus> ParseReviewStatus(std::string_view s);

// [start, end) byte offsets into a document's text.
struct Span {
  int64_t start = 0;
  int64_t end = 0;
  bool operator==(const Span&) const = default;
};

struct Claim {
  int64_t id = 0;  // assigned by the store; 0 until stored

  std::string scope;  // ISO3 ("GBR", "XKX") or a region scope name ("European Union", "World")
  Category category = Category::kDeparted;
  Subgroup subgroup = Subgroup::kAll;
  Unit unit = Unit::kPersons;
  std::optional<double> low, best, high;  // as stated; fields that do not apply are nullopt
  Qualifier qualifier = Qualifier::kExact;

  std::string as_of;      // ISO date the figure refers to: "YYYY-MM-DD", "YYYY-MM" or "YYYY"
  std::string source_id;  // key of the Source that published the document or report
  std::optional<std::string> attributed_to;  // who the text credits ("Soufan Center"), if anyone
  std::string origin;     // "manual", "baseline", or "extractor/<version>"

  // Provenance inside an ingested document (empty for figures typed from a report).
  std::string document_sha256;   // sha256 of the document's text, hex
  std::optional<Span> span;      // the cue's bytes in the document
  std::string cue;               // the text of the cue ("fewer than 129")
  std::string sentence;          // the sentence the cue stands in

  std::string page;  // page or table of the report, if known
  std::string note;  // caveats, copies read, disagreements

  // Review state; not part of the fingerprint (a decision does not make a new figure).
  ReviewStatus review = ReviewStatus::kAccepted;
  std::string review_note;  // why it was rejected, or which claim corrects it
  std::string rule;         // the extractor rule that made it, when the extractor records one

  bool operator==(const Claim&) const = default;
};

// Checks a claim's internal consistency: known scope shape, the numbers the qualifier needs
// are present, low <= best <= high, non-negative, shares within [0, 1]. Does not look up the
// scope in the gazetteer (see Gazetteer::ResolveScope). The message starts with the field it is
// about: "low: 12 is greater than high 10".
Status ValidateClaimShape(const Claim& c);

// A stable key for de-duplication: the same figure from the same place gives the same key.
std::string ClaimFingerprint(const Claim& c);

}  // namespace ftf
