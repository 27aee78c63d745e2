// ftfwatch ledger: the per-country table of figures.
#include <map>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/options.h"
#include "fuse/ledger.h"
#include "report/ledger_view.h"
#include "store/store.h"

namespace ftf::cli {
namespace {

struct LedgerOptions {
  std::string country, region, category, subgroup, as_of;
  std::string format = "table";
  bool raw = false;
};

Status RunLedger(const LedgerOptions& o, const Context& ctx) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "csv", "json", "md"}));
  FTF_ASSIGN_OR_RETURN(ClaimFilter filter, BuildClaimFilter(o.country, o.region, o.category, o.subgroup, o.as_of));
  FTF_ASSIGN_OR_RETURN(auto store, OpenStore(ctx));
  FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims, store->ListClaims(filter));
  FTF_ASSIGN_OR_RETURN(std::vector<Source> sources, store->ListSources());
  std::map<std::string, Source> by_id;
  for (auto& s : sources) by_id.emplace(s.id, s);
  std::vector<LedgerEntry> entries = LatestAuthoritative(claims, by_id);
  switch (format) {
    case OutputFormat::kJson: return WriteOutput("", LedgerJson(entries).dump(2) + "\n");
    case OutputFormat::kCsv: return WriteOutput("", LedgerLongTable(entries).RenderCsv());
    case OutputFormat::kMarkdown: return WriteOutput("", LedgerWideTable(entries).RenderMarkdown());
    case OutputFormat::kTable: {
      Table t = LedgerWideTable(entries);
      std::string out = t.RenderText(100);
      out += fmt::format(
          "\n{} scopes. Each cell: the latest figure from the most authoritative source; [n] = sources\n"
          "behind that cell. ~ about, > more than, ≥ at least, < fewer than, ≤ at most, a–b range.\n",
          t.rows());
      if (!o.as_of.empty()) out += fmt::format("As published by {}.\n", o.as_of);
      return WriteOutput("", out);
    }
  }
  return Status::OK();
}

void Setup(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<LedgerOptions>();
  CLI::App* cmd = app.add_subcommand("ledger", "Per-country table: departed, returned, killed, detained, "
                                               "in theatre, women and minors");
  cmd->add_option("--country", o->country, "Only these countries (ISO3 codes or names, comma-separated)");
  cmd->add_option("--region", o->region, "Only this region and its member countries");
  cmd->add_option("--category", o->category, "Only this category (departed, returned, ...)");
  cmd->add_option("--subgroup", o->subgroup, "Only this subgroup (all, men, women, minors)");
  cmd->add_option("--as-of", o->as_of, "Only figures published on or before this date (YYYY-MM-DD)");
  cmd->add_option("--format", o->format, "table, csv, json or md")->capture_default_str();
  cmd->add_flag("--raw", o->raw, "Show the claims as stated (latest figure from the most authoritative source)");
  cmd->callback([o, &ctx] { ctx.exit_code = Report(RunLedger(*o, ctx)); });
}

FTF_REGISTER_COMMAND(10, Setup);

}  // namespace
}  // namespace ftf::cli
