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
  bool explain = false;         // fill Extraction::mentions (every number, with its reasons)
  // Apply the learned claim re-ranker (reranker.h, data/rules/reranker.tsv): drop the rules'
  // claims it scores below its threshold. false: the rules' claims as they are (its trainer).
  bool rerank = true;
};

// What was decided about one number mention, and which rule decided it (`extract --explain`).
// Rule names are "<family>:<detail>", e.g. "trap:noun:years", "category:verb-after:returned",
// "scope:own-words", "topic:headline"; docs/extraction.md lists the families.
struct MentionDecision {
  Span span;                  // the number expression's bytes, hedges included
  std::string cue;            // its text
  bool claim = false;         // whether it yields claims
  std::string rule;           // for a non-claim: why not; for a claim: the topic evidence
  std::string category_rule;  // which rule gave the category (claims only)
  std::string scope_rule, subgroup_rule, attribution_rule;
  std::vector<size_t> claims;  // indices into Extraction::claims (the claims kept)
  // Every claim the rules made for this mention, with its features (claim_features.h) and the
  // re-ranker's score (NaN without a re-ranker table) and verdict.
  struct Reranked {
    Claim claim;
    std::vector<std::string> features;
    double score = 0;
    bool kept = true;
  };
  std::vector<Reranked> reranked;
};

struct Extraction {
  std::vector<Claim> claims;
  std::optional<size_t> invalid_utf8_offset;  // first invalid byte, if any
  size_t sentences_analysed = 0;               // sentences that passed the pre-filter
  std::vector<MentionDecision> mentions;       // in text order; only with ExtractOptions::explain
};

class ClaimExtractor {
 public:
  // The bundled rules and gazetteer.
  ClaimExtractor();
  ClaimExtractor(const RuleSet& rules, const Gazetteer& geo);

  Extraction Extract(std::string_view text, const ExtractOptions& opts = {}) const;

  const RuleSet& rules() const { return rules_; }
  const Gazetteer& geo() const { return geo_; }

 private:
  const RuleSet& rules_;
  const Gazetteer& geo_;
};

}  // namespace ftf::extract
