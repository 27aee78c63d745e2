// ClaimExtractor: English text -> claims (the model in DESIGN.md), each tied to the byte span
// of its cue and to its sentence.
//
// Pipeline per document: paragraphs -> cheap pre-filter (a paragraph needs a digit or number
// word and a topic word such as "fighters", "jihadists", "Islamic State", "Syria": most news
// text never gets past this) -> sentences -> tokens, number expressions, places, cues -> per figure: traps,
// category, scope, subgroup, attribution -> claims. Scope, subgroup, category and source carry
// across the sentences of a paragraph ("Of those, 120 have come back.").
//
// Invalid UTF-8 is never fatal: each invalid byte is read as '?' (so byte offsets still point
// into the original document) and the first invalid offset is reported.
// Thread-safe: Extract() is const and uses only immutable rules and gazetteer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/rules.h"
#include "ftfwatch/claim.h"
#include "geo/gazetteer.h"

namespace ftf::extract {

struct ExtractOptions {
  std::string as_of;            // the document's date: the claims' as_of (ISO)
  std::string source_id;        // the document's source, kept separately from attributed_to
  std::string document_sha256;  // set on each claim when known
};

struct Extraction {
  std::vector<Claim> claims;
  std::optional<size_t> invalid_utf8_offset;  // first invalid byte, if any
  size_t sentences_analysed = 0;               // sentences that passed the pre-filter
};

class ClaimExtractor {
 public:
  // The bundled rules and gazetteer.
  ClaimExtractor();
  ClaimExtractor(const RuleSet& rules, const Gazetteer& geo);

  Extraction Extract(std::string_view text, const ExtractOptions& opts = {}) const;

  const RuleSet& rules() const { return rules_; }

 private:
  const RuleSet& rules_;
  const Gazetteer& geo_;
};

}  // namespace ftf::extract
