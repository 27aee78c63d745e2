// ftfwatch sources: who published the stored figures.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/options.h"
#include "report/catalog_json.h"
#include "store/source_csv.h"
#include "store/store.h"

namespace ftf::cli {
namespace {

struct SourcesOptions {
  std::string format = "table";
};

Status RunSources(const SourcesOptions& o, const Context& ctx) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "csv", "json", "md"}));
  FTF_ASSIGN_OR_RETURN(auto store, OpenStore(ctx));
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
  cmd->callback([o, &ctx] { ctx.exit_code = Report(RunSources(*o, ctx)); });
}

FTF_REGISTER_COMMAND(12, Setup);

}  // namespace
}  // namespace ftf::cli
