// ftfwatch risk: returnee exposure tiers per country, with their reasons (docs/risk.md).
// The method grades countries, never individuals.
#include <algorithm>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/fused_data.h"
#include "cli/options.h"
#include "report/risk_view.h"
#include "risk/risk_config.h"
#include "risk/risk_model.h"

namespace ftf::cli {
namespace {

struct RiskOptions {
  std::string country, region, as_of, fusion_config, config;
  bool include_pending = false;
  std::string format = "table";
  bool reasons = false;
  bool all = false;
};

Status RunRisk(const RiskOptions& o, const Context& ctx) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "csv", "json", "md"}));
  FTF_ASSIGN_OR_RETURN(std::vector<std::string> scopes, ResolveScopeFilter(o.country, o.region));
  RiskConfig config;
  if (o.config.empty()) {
    FTF_ASSIGN_OR_RETURN(config, DefaultRiskConfig());
  } else {
    FTF_ASSIGN_OR_RETURN(std::string text, ReadInput(o.config));
    auto parsed = ParseRiskConfig(text, o.config);
    if (!parsed.ok()) return parsed.status().WithContext("--config");
    config = parsed.value();
  }
  FTF_ASSIGN_OR_RETURN(FusedData d, LoadAndFuse(ctx, o.as_of, o.fusion_config, o.include_pending));
  RiskTable table = ComputeRisk(d.result, Gazetteer::Bundled(), config);
  if (!scopes.empty())
    table.rows.erase(std::remove_if(table.rows.begin(), table.rows.end(),
                                    [&](const CountryRisk& r) {
                                      return std::find(scopes.begin(), scopes.end(), r.iso3) == scopes.end();
                                    }),
                     table.rows.end());
  switch (format) {
    case OutputFormat::kJson: return WriteOutput("", RiskJson(table).dump(2) + "\n");
    case OutputFormat::kCsv: return WriteOutput("", RiskReportTable(table).RenderCsv());
    case OutputFormat::kMarkdown: return WriteOutput("", RiskReportTable(table).RenderMarkdown());
    case OutputFormat::kTable: {
      // Unrated countries (no returnee estimate) only on request: they would bury the ranking.
      size_t unrated = 0;
      if (!o.all && scopes.empty()) {
        auto it = std::remove_if(table.rows.begin(), table.rows.end(), [](const CountryRisk& r) { return !r.tier; });
        unrated = static_cast<size_t>(table.rows.end() - it);
        table.rows.erase(it, table.rows.end());
      }
      std::string out = RiskReportTable(table).RenderText(120);
      out += "\nReturnee exposure per country (never about individuals). Tier (low–high end of the estimates);\n"
             "in theatre* = departed − returned, derived; plotters = returnees × published base rates\n"
             "(";
      for (size_t i = 0; i < table.base_rates.size(); ++i)
        out += (i ? "; " : "") + table.base_rates[i].id + fmt::format(" {:.4g}", table.base_rates[i].rate);
      out += "); ! = sources disagree. docs/risk.md gives the method and its sources.\n";
      if (unrated)
        out += fmt::format("{} countries with figures but no returnee estimate are not rated (--all lists them).\n",
                           unrated);
      if (o.reasons || !scopes.empty()) out += "\n" + RiskReasonsText(table);
      else out += "Reasons: --reasons, --country X or --format json.\n";
      if (!o.as_of.empty()) out += fmt::format("As published by {}.\n", o.as_of);
      return WriteOutput("", out);
    }
  }
  return Status::OK();
}

void Setup(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<RiskOptions>();
  CLI::App* cmd = app.add_subcommand("risk", "Returnee exposure tiers per country, with reasons");
  cmd->add_option("--country", o->country, "Only these countries (ISO3 codes or names, comma-separated)");
  cmd->add_option("--region", o->region, "Only the member countries of this region");
  cmd->add_option("--config", o->config, "Weights, thresholds and base rates (JSON; default data/config/risk.json)");
  cmd->add_flag("--reasons", o->reasons, "List every country's reasons under the table");
  cmd->add_flag("--all", o->all, "Also list countries without a returnee estimate (tier unknown)");
  AddFusionOptions(cmd, o->as_of, o->fusion_config);
  AddIncludePendingFlag(cmd, o->include_pending);
  cmd->add_option("--format", o->format, "table, csv, json or md")->capture_default_str();
  cmd->callback([o, &ctx] { ctx.exit_code = Report(RunRisk(*o, ctx)); });
}

FTF_REGISTER_COMMAND(42, Setup);

}  // namespace
}  // namespace ftf::cli
