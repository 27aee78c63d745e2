// Shared by the commands that show fused figures (ledger, conflicts, explain, risk): read the
// claims published by --as-of, the sources and the fusion config, and fuse them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cli/command.h"
#include "fuse/fusion.h"
#include "store/store.h"

namespace ftf::cli {

struct FusedData {
  std::vector<Claim> claims;
  std::map<std::string, Source> sources;
  FusionConfig config;
  FusionResult result;
};

// `as_of`: "" or an ISO date (--as-of); `fusion_config`: "" (the bundled data/config/fusion.json)
// or a file (--fusion-config). Errors name the option.
// Only accepted claims, unless `include_pending` (then pending ones too).
Result<FusedData> LoadAndFuse(const Context& ctx, const std::string& as_of, const std::string& fusion_config,
                              bool include_pending = false);

// Adds --as-of and --fusion-config to a command.
void AddFusionOptions(CLI::App* cmd, std::string& as_of, std::string& fusion_config);
// Adds --include-pending to a command.
void AddIncludePendingFlag(CLI::App* cmd, bool& include_pending);

}  // namespace ftf::cli
