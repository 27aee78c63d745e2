// ftfwatch import / export: move claims and sources in and out, in portable formats.
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/options.h"
#include "store/export.h"
#include "store/source_csv.h"
#include "store/store.h"

namespace ftf::cli {
namespace {

struct ImportOptions {
  std::vector<std::string> files;
  bool dry_run = false;
  int max_errors = 50;
};

Status RunImport(const ImportOptions& o, const Context& ctx) {
  FTF_ASSIGN_OR_RETURN(auto store, OpenStore(ctx));
  // Read and check every file first; then store all of them in one transaction.
  ImportBatch all;
  size_t errors = 0;
  for (const std::string& file : o.files) {
    FTF_ASSIGN_OR_RETURN(std::string text, ReadInput(file));
    ImportParse p = ParseImportFile(text, file == "-" ? "<stdin>" : file, *store, static_cast<size_t>(o.max_errors), &all);
    for (const auto& e : p.errors) fmt::print(stderr, "{}\n", e);
    if (p.error_count > p.errors.size())
      fmt::print(stderr, "... and {} more errors in {}\n", p.error_count - p.errors.size(), file);
    errors += p.error_count;
    for (auto& s : p.batch.sources) all.sources.push_back(std::move(s));
    for (auto& d : p.batch.documents) all.documents.push_back(std::move(d));
    for (auto& c : p.batch.claims) all.claims.push_back(std::move(c));
    for (auto& e : p.batch.review_log) all.review_log.push_back(std::move(e));
  }
  if (errors > 0)
    return Status::InvalidArgument(
        fmt::format("import rejected: {} error{}; nothing was stored", errors, errors == 1 ? "" : "s"));
  if (o.dry_run) {
    if (!ctx.global.quiet)
      fmt::print(stderr, "ftfwatch: dry run: {} sources, {} documents, {} claims would be imported\n",
                 all.sources.size(), all.documents.size(), all.claims.size());
    return Status::OK();
  }
  FTF_ASSIGN_OR_RETURN(ImportStats stats, store->Import(all));
  if (!ctx.global.quiet)
    fmt::print(stderr, "ftfwatch: imported {} new claims ({} already present), {} new sources, {} new documents\n",
               stats.claims_added, stats.claims_skipped, stats.sources_added, stats.documents_added);
  return Status::OK();
}

struct ExportOptions {
  std::string format = "json";
  std::string table = "claims";
  std::string out;
};

Status RunExport(const ExportOptions& o, const Context& ctx) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"csv", "json"}));
  FTF_ASSIGN_OR_RETURN(auto store, OpenStore(ctx));
  std::string text;
  if (format == OutputFormat::kJson) {
    FTF_ASSIGN_OR_RETURN(text, ExportJson(*store));
  } else if (o.table == "claims") {
    FTF_ASSIGN_OR_RETURN(text, ExportClaimsCsv(*store));
  } else if (o.table == "sources") {
    FTF_ASSIGN_OR_RETURN(std::vector<Source> sources, store->ListSources());
    text = WriteSourcesCsv(sources);
  } else {
    return Status::InvalidArgument(fmt::format("--table: unknown table '{}' (claims or sources)", o.table));
  }
  return WriteOutput(o.out, text);
}

void Setup(CLI::App& app, Context& ctx) {
  auto io = std::make_shared<ImportOptions>();
  CLI::App* imp = app.add_subcommand(
      "import", "Import claims CSV, sources CSV or a JSON export; all files in one transaction, all or nothing");
  imp->add_option("files", io->files, "Files to import (- for stdin)")->required();
  imp->add_flag("--dry-run", io->dry_run, "Check the files and report, store nothing");
  imp->add_option("--max-errors", io->max_errors, "List at most this many errors per file")->capture_default_str();
  imp->callback([io, &ctx] { ctx.exit_code = Report(RunImport(*io, ctx)); });

  auto eo = std::make_shared<ExportOptions>();
  CLI::App* exp = app.add_subcommand("export", "Export the database (re-importable)");
  exp->add_option("--format", eo->format, "json (everything) or csv (one table)")->capture_default_str();
  exp->add_option("--table", eo->table, "With csv: claims or sources")->capture_default_str();
  exp->add_option("--out,-o", eo->out, "Write to this file (default: stdout)");
  exp->callback([eo, &ctx] { ctx.exit_code = Report(RunExport(*eo, ctx)); });
}

FTF_REGISTER_COMMAND(20, Setup);

}  // namespace
}  // namespace ftf::cli
