// ftfwatch explain SCOPE CATEGORY: how one estimate was reached, step by step.
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/fused_data.h"
#include "cli/options.h"
#include "fuse/explain.h"
#include "geo/gazetteer.h"
#include "report/fusion_view.h"

namespace ftf::cli {
namespace {

struct ExplainOptions {
  std::string scope, category, subgroup = "all", unit = "persons", as_of, fusion_config;
  bool include_pending = false;
  std::string format = "table";
};

Status RunExplain(const ExplainOptions& o, const Context& ctx) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "json"}));
  auto scope = Gazetteer::Bundled().ResolveScope(o.scope);
  if (!scope.ok()) return scope.status().WithContext("SCOPE");
  LedgerKey key;
  key.scope = scope.value();
  auto cat = ParseCategory(o.category);
  if (!cat)
    return Status::InvalidArgument(fmt::format(
        "CATEGORY: unknown category '{}' (departed, returned, killed, detained, in_theater, relocated, convicted, "
        "affiliated)",
        o.category));
  key.category = *cat;
  auto sub = ParseSubgroup(o.subgroup);
  if (!sub) return Status::InvalidArgument(fmt::format("--subgroup: unknown subgroup '{}' (all, men, women, minors)", o.subgroup));
  key.subgroup = *sub;
  auto unit = ParseUnit(o.unit);
  if (!unit) return Status::InvalidArgument(fmt::format("--unit: unknown unit '{}' (persons, countries, share)", o.unit));
  key.unit = *unit;
  FTF_ASSIGN_OR_RETURN(FusedData d, LoadAndFuse(ctx, o.as_of, o.fusion_config, o.include_pending));
  FTF_ASSIGN_OR_RETURN(std::vector<ExplainStep> steps, Explain(d.result, key, d.config));
  if (format == OutputFormat::kJson) return WriteOutput("", ExplainJson(*d.result.Find(key), steps).dump(2) + "\n");
  return WriteOutput("", ExplainText(steps));
}

void Setup(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand("explain", "Show step by step how one estimate was reached");
  cmd->add_option("scope", o->scope, "Country or region (ISO3 code or name)")->required();
  cmd->add_option("category", o->category, "departed, returned, killed, detained, in_theater, ...")->required();
  cmd->add_option("--subgroup", o->subgroup, "all, men, women or minors")->capture_default_str();
  cmd->add_option("--unit", o->unit, "persons, countries or share")->capture_default_str();
  AddFusionOptions(cmd, o->as_of, o->fusion_config);
  AddIncludePendingFlag(cmd, o->include_pending);
  cmd->add_option("--format", o->format, "table (text) or json")->capture_default_str();
  cmd->callback([o, &ctx] { ctx.exit_code = Report(RunExplain(*o, ctx)); });
}

FTF_REGISTER_COMMAND(41, Setup);

}  // namespace
}  // namespace ftf::cli
