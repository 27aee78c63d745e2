#include "cli/fused_data.h"

#include <fmt/format.h>

#include "claims/claim_csv.h"
#include "cli/options.h"

namespace ftf::cli {

Result<FusedData> LoadAndFuse(const Context& ctx, const std::string& as_of, const std::string& fusion_config,
                              bool include_pending) {
  FusedData d;
  if (fusion_config.empty()) {
    FTF_ASSIGN_OR_RETURN(d.config, DefaultFusionConfig());
  } else {
    FTF_ASSIGN_OR_RETURN(std::string text, ReadInput(fusion_config));
    auto parsed = ParseFusionConfig(text, fusion_config);
    if (!parsed.ok()) return parsed.status().WithContext("--fusion-config");
    d.config = parsed.value();
  }
  // Constraints need every key (regions need their countries, returned needs departed), so
  // the fusion always sees all claims published by the date; callers filter what they show.
  FTF_ASSIGN_OR_RETURN(ClaimFilter filter, BuildClaimFilter("", "", "", "", as_of));
  filter.review = LedgerStatuses(include_pending);
  d.config.as_of = as_of;
  FTF_ASSIGN_OR_RETURN(auto store, OpenStore(ctx));
  FTF_ASSIGN_OR_RETURN(d.claims, store->ListClaims(filter));
  FTF_ASSIGN_OR_RETURN(std::vector<Source> sources, store->ListSources());
  for (Source& s : sources) d.sources.emplace(s.id, std::move(s));
  FTF_ASSIGN_OR_RETURN(d.result, Fuse(d.claims, d.sources, d.config));
  return d;
}

void AddFusionOptions(CLI::App* cmd, std::string& as_of, std::string& fusion_config) {
  cmd->add_option("--as-of", as_of, "Answer with only what was published on or before this date (YYYY-MM-DD)");
  cmd->add_option("--fusion-config", fusion_config,
                  "Fusion weights and windows (JSON; default: the bundled data/config/fusion.json)");
}

void AddIncludePendingFlag(CLI::App* cmd, bool& include_pending) {
  cmd->add_flag("--include-pending", include_pending,
                "Count claims still waiting for review too (default: accepted claims only)");
}

}  // namespace ftf::cli
