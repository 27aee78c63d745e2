// ftfwatch eval GOLD.jsonl [--format json|table]
// Scores the extractor against annotated passages (the format of extraction/dev.jsonl).
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "extract/evaluator.h"

namespace ftf::cli {
namespace {

struct EvalArgs {
  std::string gold;
  std::string format = "table";
};

Status Run(const EvalArgs& a) {
  std::ifstream f(a.gold, std::ios::binary);
  if (!f) return Status::IOError("cannot open '" + a.gold + "'");
  std::ostringstream ss;
  ss << f.rdbuf();
  extract::ClaimExtractor extractor;
  auto rep = extract::Evaluate(ss.str(), extractor);
  if (!rep.ok()) return rep.status().WithContext(a.gold);
  if (a.format == "json") std::cout << rep->ToJson().dump(2) << "\n";
  else if (a.format == "table") std::cout << rep->ToText();
  else return Status::InvalidArgument("--format must be json or table");
  return Status::OK();
}

void Setup(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* sub = app.add_subcommand("eval", "Score the extractor on annotated passages (precision, recall, F1)");
  sub->add_option("gold", args->gold, "Annotated passages, one JSON object per line")->required()->type_name("GOLD.jsonl");
  sub->add_option("--format", args->format, "json or table (default table)")->type_name("FORMAT");
  sub->callback([args, &ctx] {
    Status st = Run(*args);
    if (!st.ok()) ctx.exit_code = Report(st);
  });
}

FTF_REGISTER_COMMAND(32, Setup);

}  // namespace
}  // namespace ftf::cli
