// ftfwatch sources: who published the stored figures.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/options.h"
#include "geo/gazetteer.h"
#include "report/catalog_json.h"
#include "report/coverage.h"
#include "store/source_csv.h"
#include "store/store.h"

namespace ftf::cli {
namespace {

struct SourcesOptions {
  std::string format = "table";
  bool coverage = false;
  bool include_pending = false;
};

// --coverage: per country, its sources, dated figures and latest date (accepted claims).
Status RunCoverage(const SourcesOptions& o, OutputFormat format, const Store& store) {
  ClaimFilter f;
  f.review = LedgerStatuses(o.include_pending);
  FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims, store.ListClaims(f));
  Coverage cov = ComputeCoverage(claims, Gazetteer::Bundled());
  switch (format) {
    case OutputFormat::kJson: return WriteOutput("", CoverageJson(cov).dump(2) + "\n");
    case OutputFormat::kCsv: return WriteOutput("", CoverageTable(cov).RenderCsv());
    case OutputFormat::kMarkdown: return WriteOutput("", CoverageTable(cov).RenderMarkdown());
    case OutputFormat::kTable: break;
  }
  int with_departed = 0;
  for (const CoverageRow& r : cov.rows) with_departed += r.departed_figures > 0 ? 1 : 0;
  return WriteOutput("", CoverageTable(cov).RenderText(100) +
                             fmt::format("\n{} countries with figures ({} with a departed figure); {} without any.\n",
                                         cov.rows.size(), with_departed, cov.countries_without));
}

Status RunSources(const SourcesOptions& o, const Context& ctx) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "csv", "json", "md"}));
  FTF_ASSIGN_OR_RETURN(auto store, OpenStore(ctx));
  if (o.coverage) return RunCoverage(o, format, *store);
  FTF_ASSIGN_OR_RETURN(std::vector<Source> sources, store->ListSources());
  if (format == OutputFormat::kCsv) return WriteOutput("", WriteSourcesCsv(sources));
  if (format == OutputFormat::kJson) {
    FTF_ASSIGN_OR_RETURN(nlohmann::json arr, SourcesJson(*store));
    return WriteOutput("", arr.dump(2) + "\n");
  }
  Table t({"ID", "Kind", "Published", "Claims", "Publisher", "Title"},
          {Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight, Align::kLeft, Align::kLeft});
  for (const Source& s : sources) {
    ClaimFilter f;
    f.source_id = s.id;
    FTF_ASSIGN_OR_RETURN(int64_t n, store->CountClaims(f));
    t.AddRow({s.id, std::string(Name(s.kind)), s.published, FormatCount(static_cast<double>(n)), s.publisher,
              s.title});
  }
  return WriteOutput("", format == OutputFormat::kMarkdown ? t.RenderMarkdown() : t.RenderText(100));
}

void Setup(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<SourcesOptions>();
  CLI::App* cmd = app.add_subcommand("sources", "Who published the stored figures");
  cmd->add_option("--format", o->format, "table, csv, json or md")->capture_default_str();
  cmd->add_flag("--coverage", o->coverage,
                "Per country: how many sources, dated figures and the latest date (gaps become visible)");
  cmd->add_flag("--include-pending", o->include_pending, "With --coverage: count claims waiting for review too");
  cmd->callback([o, &ctx] { ctx.exit_code = Report(RunSources(*o, ctx)); });
}

FTF_REGISTER_COMMAND(12, Setup);

}  // namespace
}  // namespace ftf::cli
