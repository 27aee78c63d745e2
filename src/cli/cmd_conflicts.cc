// ftfwatch conflicts: where sources disagree beyond their stated uncertainty, with the claims
// on each side, their sources and the sentences they came from.
#include <algorithm>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/fused_data.h"
#include "cli/options.h"
#include "report/fusion_view.h"

namespace ftf::cli {
namespace {

struct ConflictsOptions {
  std::string country, region, category, kind, as_of, fusion_config;
  bool include_pending = false;
  std::string format = "table";
};

Status RunConflicts(const ConflictsOptions& o, const Context& ctx) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "csv", "json", "md"}));
  FTF_ASSIGN_OR_RETURN(ClaimFilter filter, BuildClaimFilter(o.country, o.region, o.category, "", o.as_of));
  std::optional<ConflictKind> kind;
  if (!o.kind.empty()) {
    for (ConflictKind k : {ConflictKind::kDisagreement, ConflictKind::kDecrease, ConflictKind::kConstraint})
      if (Name(k) == o.kind) kind = k;
    if (!kind)
      return Status::InvalidArgument(
          fmt::format("--kind: unknown kind '{}' (disagreement, decrease, constraint)", o.kind));
  }
  FTF_ASSIGN_OR_RETURN(FusedData d, LoadAndFuse(ctx, o.as_of, o.fusion_config, o.include_pending));
  std::vector<Conflict> shown;
  for (const Conflict& c : d.result.conflicts) {
    if (kind && c.kind != *kind) continue;
    bool match = false;
    for (const LedgerKey& k : c.keys) {
      bool scope_ok = filter.scopes.empty() ||
                      std::find(filter.scopes.begin(), filter.scopes.end(), k.scope) != filter.scopes.end();
      bool cat_ok = !filter.category || *filter.category == k.category;
      match = match || (scope_ok && cat_ok);
    }
    if (match) shown.push_back(c);
  }
  switch (format) {
    case OutputFormat::kJson: return WriteOutput("", ConflictsJson(shown).dump(2) + "\n");
    case OutputFormat::kCsv: return WriteOutput("", ConflictsLongTable(shown).RenderCsv());
    case OutputFormat::kMarkdown: return WriteOutput("", ConflictsSummaryTable(shown).RenderMarkdown());
    case OutputFormat::kTable: {
      std::string out = ConflictsText(shown);
      out += fmt::format("{} conflict{}.{}\n", shown.size(), shown.size() == 1 ? "" : "s",
                         o.as_of.empty() ? "" : fmt::format(" As published by {}.", o.as_of));
      return WriteOutput("", out);
    }
  }
  return Status::OK();
}

void Setup(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ConflictsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "conflicts", "Where sources disagree: the claims on each side, their sources and sentences");
  cmd->add_option("--country", o->country, "Only conflicts touching these countries (ISO3 codes or names)");
  cmd->add_option("--region", o->region, "Only conflicts touching this region or its member countries");
  cmd->add_option("--category", o->category, "Only this category (departed, returned, ...)");
  cmd->add_option("--kind", o->kind, "Only this kind: disagreement, decrease or constraint");
  AddFusionOptions(cmd, o->as_of, o->fusion_config);
  AddIncludePendingFlag(cmd, o->include_pending);
  cmd->add_option("--format", o->format, "table, csv, json or md")->capture_default_str();
  cmd->callback([o, &ctx] { ctx.exit_code = Report(RunConflicts(*o, ctx)); });
}

FTF_REGISTER_COMMAND(40, Setup);

}  // namespace
}  // namespace ftf::cli
