// ftfwatch reextract: runs the current extractor over every stored document and replaces each
// document's extractor claims in one transaction (ingest/reextract.h). Claims typed in,
// imported or made by review stay; review decisions carry over by cue and sentence.
#include <unistd.h>

#include <fmt/format.h>

#include "cli/command.h"
#include "extract/claim_extractor.h"
#include "ingest/reextract.h"
#include "store/store.h"

namespace ftf::cli {
namespace {

Status Run(const Context& ctx) {
  FTF_ASSIGN_OR_RETURN(auto store, OpenStore(ctx));
  extract::ClaimExtractor ex;
  const bool tty = !ctx.global.quiet && isatty(2);
  FTF_ASSIGN_OR_RETURN(ingest::ReextractTotals t,
                       ingest::ReextractAll(*store, ex, [&](const ingest::ReextractTotals& sofar) {
                         if (tty) fmt::print(stderr, "\r{} documents   ", sofar.documents);
                       }));
  if (tty) fmt::print(stderr, "\n");
  if (!ctx.global.quiet)
    fmt::print(stderr,
               "reextracted {} documents with {}: {} old claims replaced by {} new, {} review decisions "
               "kept\n",
               t.documents, ex.rules().Origin(), t.claims_removed, t.claims_added, t.decisions_kept);
  return Status::OK();
}

void Setup(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "reextract", "Run the current extractor over every stored document and replace its extracted claims");
  cmd->callback([&ctx] { ctx.exit_code = Report(Run(ctx)); });
}

FTF_REGISTER_COMMAND(33, Setup);

}  // namespace
}  // namespace ftf::cli
