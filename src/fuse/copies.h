// Copies under other sources: a figure stored under one source (a newspaper) that credits
// another ("the Soufan Group counts 5,600 returnees": Claim::attributed_to = "Soufan Group") is
// a copy of that source's edition, not independent evidence. Fusion folds it into the
// edition, keeps its own source for provenance and shows it beside the edition's figure
// (docs/fusion.md, "Copies under other sources").
//
// Which source a claim credits:
//  - A source answers to its publisher's name, to a one-word acronym its publisher gives in
//    brackets ("International Centre for Counter-Terrorism - The Hague (ICCT)" answers to
//    "ICCT" and to the name before the brackets), and to its aliases (Source::aliases).
//    Names are compared folded: case, accents, punctuation and a leading "the" do not count.
//  - Among the dated sources answering to the credited name, the claim copies the one
//    published latest at or before the claim's date plus `copy_lead_days` (pages are often
//    dated to the first of their month, or a day before the report's release), and not more
//    than `copy_window_days` before the claim's date (a figure credited years later may come
//    from a publication the store lacks). Ties on the date: the source with more claims (the
//    fuller record of one publication), then the smaller id.
//  - A claim is no copy when it credits nobody, a name no stored source answers to, or its
//    own source (a think tank's page crediting itself is that think tank's edition).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fuse/estimate.h"
#include "fuse/fusion_config.h"
#include "ftfwatch/claim.h"
#include "ftfwatch/source.h"

namespace ftf {

// A name folded for comparison: "The Soufan Group" -> "soufan group", "Säpo" -> "sapo",
// "Counter-Terrorism" -> "counter terrorism".
std::string FoldSourceName(std::string_view name);

// The folded names a source answers to (see above), without repeats.
std::vector<std::string> SourceNames(const Source& s);

// The edition a copy joins: the source, and that source's publication date.
struct CopyTarget {
  std::string source_id;
  int published = 0;           // day number (fuse/weights.h)
  std::string published_text;  // as stored ("2017-10-24", "2014-06")
};

class CopyIndex {
 public:
  // `claims_per_source` breaks ties between sources of one name and date.
  CopyIndex(const std::map<std::string, Source>& sources, const std::unordered_map<std::string, int>& claims_per_source,
            const FusionConfig& config);

  // The edition `c`, dated `day` (its as_of, else its source's publication date), copies;
  // nullopt when it is no copy.
  std::optional<CopyTarget> EditionOf(const Claim& c, int day) const;

 private:
  struct Named {
    std::string id;
    std::optional<int> published;
    std::string published_text;
    int claims = 0;
  };
  std::unordered_map<std::string, std::vector<Named>> by_name_;
  // Credited names folded so far: many claims credit the same few names. An index serves one
  // Fuse() call, on one thread.
  mutable std::unordered_map<std::string, std::string> folded_;
  int lead_days_ = 0, window_days_ = 0;
};

// Dates the copies among one key's evidence by their edition: each item with copy_of set takes
// the day and as_of of its edition's own claims of the key — the latest at or before the
// copy's own date plus `lead_days` — or, when the edition states nothing of the key, its
// source's publication date. The copy's own date is kept in copy_as_of. `targets[i]` is the
// edition of evidence i, or nullopt. Run before weighing: a copy weighs as of its edition.
void DateCopiesByEdition(std::vector<Evidence>& evidence, const std::vector<std::optional<CopyTarget>>& targets,
                         int lead_days);

}  // namespace ftf
