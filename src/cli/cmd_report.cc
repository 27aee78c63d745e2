// ftfwatch report: the whole picture as one self-contained file (HTML or Markdown).
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/fused_data.h"
#include "cli/options.h"
#include "report/html_report.h"
#include "report/markdown_report.h"
#include "report/report_model.h"
#include "store/store.h"

namespace ftf::cli {
namespace {

struct ReportOptions {
  std::string format = "html";
  std::string out;
  std::string as_of;
  bool include_pending = false;
};

Status RunReport(const ReportOptions& o, const Context& ctx) {
  if (o.format != "html" && o.format != "md")
    return Status::InvalidArgument(fmt::format("--format: unknown format '{}' (use one of: html, md)", o.format));
  FTF_ASSIGN_OR_RETURN(auto store, OpenStore(ctx));
  FTF_ASSIGN_OR_RETURN(ReportModel model, BuildReportModel(*store, o.as_of, o.include_pending));
  std::string text = o.format == "html" ? RenderHtmlReport(model) : RenderMarkdownReport(model);
  FTF_RETURN_IF_ERROR(WriteOutput(o.out, text));
  if (!o.out.empty() && o.out != "-" && !ctx.global.quiet)
    fmt::print(stderr, "ftfwatch: wrote {} ({} bytes)\n", o.out, text.size());
  return Status::OK();
}

void Setup(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand("report", "The whole picture as one self-contained report (HTML or Markdown)");
  cmd->add_option("--format", o->format, "html or md")->capture_default_str();
  cmd->add_option("--out", o->out, "Write to this file (default: standard output)")->type_name("FILE");
  cmd->add_option("--as-of", o->as_of, "Only what was published on or before this date (YYYY-MM-DD)");
  AddIncludePendingFlag(cmd, o->include_pending);
  cmd->callback([o, &ctx] { ctx.exit_code = Report(RunReport(*o, ctx)); });
}

FTF_REGISTER_COMMAND(61, Setup);

}  // namespace
}  // namespace ftf::cli
