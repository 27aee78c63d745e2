// ftfwatch ledger: the per-country table of figures — fused estimates by default, or the
// claims as stated (--raw: the latest figure from the most authoritative source).
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/fused_data.h"
#include "cli/options.h"
#include "fuse/ledger.h"
#include "report/fusion_view.h"
#include "report/ledger_view.h"
#include "report/pending_diff.h"
#include "store/store.h"

namespace ftf::cli {
namespace {

struct LedgerOptions {
  std::string country, region, category, subgroup, as_of, fusion_config;
  bool include_pending = false;
  std::string format = "table";
  bool raw = false;
  bool aggregates = false;
};

bool Matches(const ClaimFilter& f, const LedgerKey& k) {
  if (!f.scopes.empty() && std::find(f.scopes.begin(), f.scopes.end(), k.scope) == f.scopes.end()) return false;
  if (f.category && *f.category != k.category) return false;
  if (f.subgroup && *f.subgroup != k.subgroup) return false;
  return true;
}

Status RunLedger(const LedgerOptions& o, const Context& ctx) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "csv", "json", "md"}));
  FTF_ASSIGN_OR_RETURN(ClaimFilter filter, BuildClaimFilter(o.country, o.region, o.category, o.subgroup, o.as_of));
  std::vector<LedgerEntry> entries;
  nlohmann::json fused_json;
  std::vector<LedgerChange> changes;  // --include-pending: what pending claims change
  if (o.raw) {
    if (o.aggregates) return Status::InvalidArgument("--aggregates: not available with --raw");
    FTF_ASSIGN_OR_RETURN(auto store, OpenStore(ctx));
    ClaimFilter raw_filter = filter;
    raw_filter.review = LedgerStatuses(o.include_pending);
    FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims, store->ListClaims(raw_filter));
    FTF_ASSIGN_OR_RETURN(std::vector<Source> sources, store->ListSources());
    std::map<std::string, Source> by_id;
    for (auto& s : sources) by_id.emplace(s.id, s);
    entries = LatestAuthoritative(claims, by_id);
  } else {
    FTF_ASSIGN_OR_RETURN(FusedData d, LoadAndFuse(ctx, o.as_of, o.fusion_config, o.include_pending));
    if (o.aggregates) {
      std::vector<Aggregate> shown;
      for (const Aggregate& a : d.result.aggregates)
        if (Matches(filter, LedgerKey{a.region, a.category, a.subgroup, Unit::kPersons})) shown.push_back(a);
      switch (format) {
        case OutputFormat::kJson: return WriteOutput("", AggregatesJson(shown).dump(2) + "\n");
        case OutputFormat::kCsv: return WriteOutput("", AggregatesTable(shown).RenderCsv());
        case OutputFormat::kMarkdown: return WriteOutput("", AggregatesTable(shown).RenderMarkdown());
        case OutputFormat::kTable:
          return WriteOutput("", AggregatesTable(shown).RenderText(120) +
                                     "\nCountries' sum: interval sum of the member countries' estimates; coverage: "
                                     "members with a figure.\n");
      }
    }
    if (o.include_pending) {
      FTF_ASSIGN_OR_RETURN(FusedData accepted, LoadAndFuse(ctx, o.as_of, o.fusion_config, false));
      for (LedgerChange& c : DiffLedgers(accepted.result, d.result))
        if (Matches(filter, c.key)) changes.push_back(std::move(c));
    }
    fused_json = nlohmann::json::array();
    std::vector<Estimate> kept;
    for (const Estimate& e : d.result.estimates)
      if (Matches(filter, e.key)) {
        nlohmann::json ej = EstimateJson(e);
        // With --include-pending, a figure that pending claims change says what it was.
        for (const LedgerChange& c : changes)
          if (c.key == e.key) ej["accepted_only"] = c.before ? EstimateJson(*c.before) : nlohmann::json(nullptr);
        fused_json.push_back(std::move(ej));
        kept.push_back(e);
      }
    FusionResult shown;
    shown.estimates = std::move(kept);
    entries = ToLedgerEntries(shown);
  }
  switch (format) {
    case OutputFormat::kJson: return WriteOutput("", (o.raw ? LedgerJson(entries) : fused_json).dump(2) + "\n");
    case OutputFormat::kCsv: return WriteOutput("", LedgerLongTable(entries).RenderCsv());
    case OutputFormat::kMarkdown: return WriteOutput("", LedgerWideTable(entries, o.raw).RenderMarkdown());
    case OutputFormat::kTable: {
      Table t = LedgerWideTable(entries, o.raw);
      std::string out = t.RenderText(100);
      if (o.raw)
        out += fmt::format(
            "\n{} scopes. Each cell: the latest figure from the most authoritative source; [n] = sources\n"
            "behind that cell. ~ about, > more than, ≥ at least, < fewer than, ≤ at most, a–b range.\n",
            t.rows());
      else
        out += fmt::format(
            "\n{} scopes. Each cell: the fused estimate (low–high; best values in --format csv/json);\n"
            "! = sources disagree (ftfwatch conflicts); Src = sources behind the row's figures.\n"
            "`ftfwatch explain SCOPE CATEGORY` shows how a figure was reached.\n",
            t.rows());
      if (!o.as_of.empty()) out += fmt::format("As published by {}.\n", o.as_of);
      if (o.include_pending && !o.raw) {
        if (changes.empty())
          out += "\nPending claims change no figure shown.\n";
        else
          out += fmt::format("\nPending claims change {} figure{} (accepted claims only → with pending):\n{}",
                             changes.size(), changes.size() == 1 ? "" : "s",
                             LedgerChangesTable(changes).RenderText(100));
      }
      return WriteOutput("", out);
    }
  }
  return Status::OK();
}

void Setup(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<LedgerOptions>();
  CLI::App* cmd = app.add_subcommand("ledger", "Per-country table: departed, returned, killed, detained, "
                                               "in theatre, women and minors (fused estimates)");
  cmd->add_option("--country", o->country, "Only these countries (ISO3 codes or names, comma-separated)");
  cmd->add_option("--region", o->region, "Only this region and its member countries");
  cmd->add_option("--category", o->category, "Only this category (departed, returned, ...)");
  cmd->add_option("--subgroup", o->subgroup, "Only this subgroup (all, men, women, minors)");
  AddFusionOptions(cmd, o->as_of, o->fusion_config);
  AddIncludePendingFlag(cmd, o->include_pending);
  cmd->add_option("--format", o->format, "table, csv, json or md")->capture_default_str();
  cmd->add_flag("--raw", o->raw, "Show the claims as stated (latest figure from the most authoritative source)");
  cmd->add_flag("--aggregates", o->aggregates,
                "Region and world figures summed from their countries, beside the stated totals");
  cmd->callback([o, &ctx] { ctx.exit_code = Report(RunLedger(*o, ctx)); });
}

FTF_REGISTER_COMMAND(10, Setup);

}  // namespace
}  // namespace ftf::cli
