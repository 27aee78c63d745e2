// ftfwatch eval SET.jsonl... [--texts DIR] [--split tune|test] [--summary] [--format json|table] [--no-rerank]
// Scores the extractor against annotated passages (the format of extraction/dev.jsonl, text
// inline) or real pages (tests/realpages/pages_*.jsonl, text read from DIR/<id>.txt).
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "extract/evaluator.h"

namespace ftf::cli {
namespace {

struct EvalArgs {
  std::vector<std::string> sets;
  std::string texts;
  std::string split;
  bool summary = false;
  std::string format = "table";
  bool no_rerank = false;
};

Status Run(const EvalArgs& a) {
  if (a.format != "json" && a.format != "table") return Status::InvalidArgument("--format must be json or table");
  if (!a.split.empty() && a.split != "tune" && a.split != "test")
    return Status::InvalidArgument("--split must be tune or test");
  // Each file is scored on its own (errors name the file and its line), then the counts add up.
  extract::ClaimExtractor extractor;
  extract::EvalOptions opts;
  opts.texts_dir = a.texts;
  opts.only_split = a.split;
  opts.rerank = !a.no_rerank;
  extract::EvalReport rep;
  for (const std::string& path : a.sets) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return Status::IOError("cannot open '" + path + "'");
    std::ostringstream ss;
    ss << f.rdbuf();
    auto one = extract::Evaluate(ss.str(), extractor, opts);
    if (!one.ok()) return one.status().WithContext(path);
    extract::Merge(rep, *one);
  }
  if (a.format == "json") {
    nlohmann::json j = rep.ToJson();
    if (a.summary) {
      j.erase("misses");
      j.erase("false_alarms");
    }
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << rep.ToText(!a.summary);
  }
  return Status::OK();
}

void Setup(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* sub = app.add_subcommand("eval", "Score the extractor on annotated passages or pages (precision, recall, F1)");
  sub->add_option("sets", args->sets, "Annotated passages or pages, one JSON object per line")
      ->required()
      ->type_name("SET.jsonl...");
  sub->add_option("--texts", args->texts, "Folder of page texts <id>.txt for records without inline text")
      ->type_name("DIR");
  sub->add_option("--split", args->split, "Score only the records of this split (tune or test)")->type_name("SPLIT");
  sub->add_flag("--summary", args->summary, "Scores only: do not list the misses and false alarms");
  sub->add_option("--format", args->format, "json or table (default table)")->type_name("FORMAT");
  sub->add_flag("--no-rerank", args->no_rerank, "Score the rules' claims without the learned re-ranker");
  sub->callback([args, &ctx] {
    Status st = Run(*args);
    if (!st.ok()) ctx.exit_code = Report(st);
  });
}

FTF_REGISTER_COMMAND(32, Setup);

}  // namespace
}  // namespace ftf::cli
