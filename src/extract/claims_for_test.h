// Helpers for the extractor's unit tests: run the bundled extractor on a text and pick a claim
// by its cue. Test code only.
#pragma once

#include <string>
#include <vector>

#include "extract/claim_extractor.h"

namespace ftf::extract::testing {

// Every claim the bundled rules extract from `text`.
inline std::vector<Claim> Extract(const std::string& text) { return ClaimExtractor().Extract(text).claims; }

// The first claim whose cue contains `cue`, or nullptr.
inline const Claim* With(const std::vector<Claim>& claims, const std::string& cue) {
  for (const Claim& c : claims)
    if (c.cue.find(cue) != std::string::npos) return &c;
  return nullptr;
}

}  // namespace ftf::extract::testing
