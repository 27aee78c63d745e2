// ftfwatch extract FILE|- [--date D] [--source NAME] [--format json|table] [--explain] [--no-rerank]
// ftfwatch extract --jsonl FILE [--threads N] --format json
// Prints the claims a text states, without storing them.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "cli/command.h"
#include "extract/claim_extractor.h"
#include "claims/claim_json.h"
#include "extract/corpus_runner.h"
#include "report/table.h"

namespace ftf::cli {
namespace {

struct ExtractArgs {
  std::string file;
  std::string jsonl;
  std::string date;
  std::string source;
  std::string format = "table";
  int threads = 0;
  bool explain = false;
  bool no_rerank = false;
};

Result<std::string> ReadAll(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::IOError("cannot open '" + path + "'");
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string Num(const std::optional<double>& v) { return v ? FormatCount(*v) : ""; }

// Progress on a terminal only: documents, MB, claims, rate.
struct Progress {
  bool enabled;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now(), last = start;
  explicit Progress(bool quiet) : enabled(!quiet && isatty(2)) {}
  void Update(const extract::CorpusStats& s, bool final = false) {
    if (!enabled) return;
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last < std::chrono::milliseconds(250)) return;
    last = now;
    double secs = std::chrono::duration<double>(now - start).count();
    double mb = static_cast<double>(s.bytes) / 1e6;
    fmt::print(stderr, "\r{} documents, {:.1f} MB, {} claims, {:.1f} MB/s   ", FormatCount(static_cast<double>(s.documents)),
               mb, FormatCount(static_cast<double>(s.claims)), secs > 0 ? mb / secs : 0.0);
    if (final) fmt::print(stderr, "\n");
  }
};

// --explain: every number of the text, what was decided and which rule decided it.
// With a re-ranker table, each feature shows its weight, so the score can be read off its terms.
Status PrintExplanation(const extract::Extraction& ex, const extract::Reranker& reranker, const std::string& format) {
  if (format == "json") {
    nlohmann::json arr = nlohmann::json::array();
    for (const extract::MentionDecision& d : ex.mentions) {
      nlohmann::json j{{"span", {d.span.start, d.span.end}}, {"cue", d.cue}, {"claim", d.claim}, {"rule", d.rule}};
      if (d.claim) {
        j["category_rule"] = d.category_rule;
        j["scope_rule"] = d.scope_rule;
        j["subgroup_rule"] = d.subgroup_rule;
        j["attribution_rule"] = d.attribution_rule;
        nlohmann::json cl = nlohmann::json::array();
        for (size_t ci : d.claims) cl.push_back(ClaimToJson(ex.claims[ci]));
        j["claims"] = cl;
        // Every claim the rules made, kept or dropped by the re-ranker, with its features.
        nlohmann::json rr = nlohmann::json::array();
        for (const extract::MentionDecision::Reranked& x : d.reranked) {
          nlohmann::json one{{"claim", ClaimToJson(x.claim)},
                             {"features", x.features},
                             {"score", std::isnan(x.score) ? nlohmann::json(nullptr) : nlohmann::json(x.score)},
                             {"kept", x.kept}};
          if (!reranker.empty())
            for (const std::string& f : x.features) one["weights"][f] = reranker.Weight(f);
          rr.push_back(std::move(one));
        }
        j["reranked"] = rr;
      }
      arr.push_back(j);
    }
    std::cout << arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return Status::OK();
  }
  if (format != "table") return Status::InvalidArgument("--format must be json or table");
  for (const extract::MentionDecision& d : ex.mentions) {
    std::cout << fmt::format("[{}, {}) \"{}\"\n", d.span.start, d.span.end, d.cue);
    if (!d.claim) {
      std::cout << fmt::format("    no claim  {}\n", d.rule);
      continue;
    }
    for (const extract::MentionDecision::Reranked& x : d.reranked) {
      const Claim& c = x.claim;
      std::cout << fmt::format("    claim     {} {} {} {} [{} {} {}] {} by {}\n", Name(c.category), Name(c.subgroup),
                               c.scope, Name(c.unit), Num(c.low), Num(c.best), Num(c.high), Name(c.qualifier),
                               c.attributed_to.value_or("-"));
      if (!std::isnan(x.score))
        std::cout << fmt::format("    rerank    score {:.2f} ({}; bias {:+.2f}, threshold {:.2f})\n", x.score,
                                 x.kept ? "kept" : "dropped", reranker.bias(), reranker.threshold());
      std::string features;
      for (const std::string& f : x.features)
        features += reranker.empty() ? " " + f : fmt::format(" {} ({:+.2f})", f, reranker.Weight(f));
      std::cout << fmt::format("    features {}\n", features);
    }
    std::cout << fmt::format("    because   {}; {}; {}; {}; {}\n", d.rule, d.category_rule, d.scope_rule,
                             d.subgroup_rule, d.attribution_rule);
  }
  std::cout << fmt::format("{} numbers, {} claims\n", ex.mentions.size(), ex.claims.size());
  return Status::OK();
}

// The bundled gazetteer and rules are built at first use, each in a few milliseconds of the
// start-up that every run pays: build them side by side (both are read-only afterwards).
extract::ClaimExtractor MakeExtractor() {
  std::thread geo([] { Gazetteer::Bundled(); });
  extract::RuleSet::Bundled();
  geo.join();
  return extract::ClaimExtractor();
}

Status Run(const ExtractArgs& a, Context& ctx) {
  const extract::ClaimExtractor extractor = MakeExtractor();
  if (!a.jsonl.empty()) {
    if (a.format != "json") return Status::InvalidArgument("--jsonl prints JSON lines: use --format json");
    if (a.explain) return Status::InvalidArgument("--explain works on one text: give FILE, not --jsonl");
    std::ifstream file;
    std::istream* in = &std::cin;
    if (a.jsonl != "-") {
      file.open(a.jsonl, std::ios::binary);
      if (!file) return Status::IOError("cannot open '" + a.jsonl + "'");
      in = &file;
    }
    std::ios::sync_with_stdio(false);
    Progress progress(ctx.global.quiet);
    extract::CorpusOptions opts;
    opts.threads = a.threads;
    opts.rerank = !a.no_rerank;
    opts.progress = [&](const extract::CorpusStats& s) { progress.Update(s); };
    opts.on_error = [&](int64_t line, const std::string& msg) {
      if (!ctx.global.quiet) fmt::print(stderr, "ftfwatch: {}:{}: {}\n", a.jsonl, line, msg);
    };
    FTF_ASSIGN_OR_RETURN(extract::CorpusStats stats, extract::RunCorpus(*in, std::cout, extractor, opts));
    progress.Update(stats, true);
    if (stats.invalid_utf8 > 0 && !ctx.global.quiet)
      fmt::print(stderr, "ftfwatch: {} documents had invalid UTF-8 (read as '?')\n", stats.invalid_utf8);
    if (stats.errors > 0) ctx.exit_code = 3;
    return Status::OK();
  }
  if (a.file.empty()) return Status::InvalidArgument("give a FILE (or - for standard input) or --jsonl FILE");
  FTF_ASSIGN_OR_RETURN(std::string text, ReadAll(a.file));
  extract::ExtractOptions eo;
  eo.as_of = a.date;
  eo.source_id = a.source;
  eo.explain = a.explain;
  eo.rerank = !a.no_rerank;
  extract::Extraction ex = extractor.Extract(text, eo);
  if (ex.invalid_utf8_offset && !ctx.global.quiet)
    fmt::print(stderr, "ftfwatch: {}: invalid UTF-8 at byte {} (invalid bytes are read as '?')\n", a.file,
               *ex.invalid_utf8_offset);
  if (a.explain) return PrintExplanation(ex, extractor.rules().reranker, a.format);
  if (a.format == "json") {
    nlohmann::json arr = nlohmann::json::array();
    for (const Claim& c : ex.claims) arr.push_back(ClaimToJson(c));
    std::cout << arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return Status::OK();
  }
  if (a.format != "table") return Status::InvalidArgument("--format must be json or table");
  Table t({"scope", "category", "subgroup", "unit", "low", "best", "high", "qualifier", "attributed to", "cue"},
          {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight,
           Align::kLeft, Align::kLeft, Align::kLeft});
  for (const Claim& c : ex.claims)
    t.AddRow({c.scope, std::string(Name(c.category)), std::string(Name(c.subgroup)), std::string(Name(c.unit)), Num(c.low),
              Num(c.best), Num(c.high), std::string(Name(c.qualifier)), c.attributed_to.value_or(""), c.cue});
  std::cout << t.RenderText(140);
  std::cout << fmt::format("{} claims\n", ex.claims.size());
  return Status::OK();
}

void Setup(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* sub = app.add_subcommand("extract", "Print the claims an English text states (nothing is stored)");
  sub->add_option("file", args->file, "Text file, or - for standard input")->type_name("FILE");
  sub->add_option("--jsonl", args->jsonl, "One document per line: {\"id\",\"date\",\"source\",\"text\"}")
      ->type_name("FILE");
  sub->add_option("--date", args->date, "Publication date: the claims' as-of date (ISO)")->type_name("D");
  sub->add_option("--source", args->source, "Who published the text (kept apart from attributed_to)")
      ->type_name("NAME");
  sub->add_option("--format", args->format, "json or table (default table)")->type_name("FORMAT");
  sub->add_option("--threads", args->threads, "Worker threads for --jsonl (default: all cores)")->type_name("N");
  sub->add_flag("--explain", args->explain,
                "For each number in the text: whether it is a claim and which rules decided (not with --jsonl)");
  sub->add_flag("--no-rerank", args->no_rerank,
                "Keep every claim the rules make: skip the learned re-ranker (data/rules/reranker.tsv)");
  sub->callback([args, &ctx] {
    Status st = Run(*args, ctx);
    if (!st.ok()) ctx.exit_code = Report(st);
  });
}

FTF_REGISTER_COMMAND(30, Setup);

}  // namespace
}  // namespace ftf::cli
