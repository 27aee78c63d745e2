// Explain: how one estimate was reached, step by step, in words (`ftfwatch explain`).
//
// The steps follow the method of docs/fusion.md: the claims and their weights, each window's
// selection (groups, ties, outvoted claims), the bound from older windows, the constraints that
// narrowed it, the conflicts that touch it, and the result.
#pragma once

#include <string>
#include <vector>

#include "fuse/fusion.h"

namespace ftf {

struct ExplainStep {
  std::string title;               // "Claims", "Window 1 (2015-10-01 … 2016-04-01)", …
  std::vector<std::string> lines;  // one sentence or one claim per line
};

// NotFound when `result` has no estimate for `key`.
Result<std::vector<ExplainStep>> Explain(const FusionResult& result, const LedgerKey& key,
                                         const FusionConfig& config);

// The steps as plain text: numbered titles, indented lines.
std::string ExplainText(const std::vector<ExplainStep>& steps);

}  // namespace ftf
