// ftfwatch review: the queue of extracted claims waiting for a person (docs/review.md).
//   ftfwatch review [--document SHA] [--source ID] [--rule R]      list pending claims
//   ftfwatch review --log                                           the audit log
//   ftfwatch review accept ID...|--document SHA|--source ID|--rule R
//   ftfwatch review reject ID...|--document …  --reason TEXT
//   ftfwatch review correct ID --set field=value [--set …] [--reason TEXT]
// Decisions are recorded under --as NAME (default: $FTFWATCH_USER, else the login name).
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "claims/claim_json.h"
#include "cli/command.h"
#include "cli/options.h"
#include "report/claim_view.h"
#include "store/export.h"
#include "store/review_queue.h"
#include "store/store.h"

namespace ftf::cli {
namespace {

struct ReviewOptions {
  std::vector<int64_t> ids;
  std::string document, source, rule, reason, actor;
  std::vector<std::string> sets;
  std::string format = "table";
  bool log = false;
  int64_t limit = -1;
};

std::string DefaultActor() {
  if (const char* u = std::getenv("FTFWATCH_USER"); u && *u) return u;
  if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name) return pw->pw_name;
  if (const char* u = std::getenv("USER"); u && *u) return u;
  return "unknown";
}

std::string Short(const std::string& sha) { return sha.substr(0, 12); }

Status ListPending(const ReviewOptions& o, Store& store) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "json"}));
  ReviewSelection sel{{}, o.document, o.source, o.rule};
  FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims, PendingClaims(store, sel));
  if (o.limit >= 0 && static_cast<int64_t>(claims.size()) > o.limit) claims.resize(static_cast<size_t>(o.limit));
  if (format == OutputFormat::kJson) {
    nlohmann::json arr = nlohmann::json::array();
    for (const Claim& c : claims) arr.push_back(ClaimToJson(c));
    return WriteOutput("", arr.dump(2) + "\n");
  }
  std::string out;
  for (const Claim& c : claims) {
    out += fmt::format("#{}  {} {} {}  “{}”  as of {}\n", c.id, c.scope, FigureKind(c), StatedFigure(c), c.cue,
                       c.as_of.empty() ? "?" : c.as_of);
    out += fmt::format("    source {}, document {}{}{}\n", c.source_id, Short(c.document_sha256),
                       c.attributed_to ? ", credits " + *c.attributed_to : "", c.rule.empty() ? "" : ", rule " + c.rule);
    out += fmt::format("    {}\n", c.sentence);
  }
  out += fmt::format("{} pending claim{}. Accept with `ftfwatch review accept ID`, reject with `ftfwatch review "
                     "reject ID --reason TEXT`, correct with `ftfwatch review correct ID --set field=value`.\n",
                     claims.size(), claims.size() == 1 ? "" : "s");
  return WriteOutput("", out);
}

Status ShowLog(const ReviewOptions& o, Store& store) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "json"}));
  FTF_ASSIGN_OR_RETURN(std::vector<ReviewLogEntry> log, store.ListReviewLog());
  if (format == OutputFormat::kJson) {
    nlohmann::json arr = nlohmann::json::array();
    for (const ReviewLogEntry& e : log) arr.push_back(ReviewLogToJson(e));
    return WriteOutput("", arr.dump(2) + "\n");
  }
  Table t({"When", "Who", "Action", "Claim", "Change", "Reason"},
          {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft});
  for (const ReviewLogEntry& e : log) {
    nlohmann::json before = nlohmann::json::parse(e.before, nullptr, false);
    nlohmann::json after = nlohmann::json::parse(e.after, nullptr, false);
    auto c = ClaimFromJson(before);
    std::string claim = c.ok() ? fmt::format("{} {} {} “{}”", c->scope, FigureKind(*c), StatedFigure(*c), e.cue) : "?";
    // What the decision changed: the status, and for a correction each field it set.
    std::string change;
    if (before.is_object() && after.is_object())
      for (auto it = after.begin(); it != after.end(); ++it) {
        if (it.key() == "review_note" || it.key() == "origin") continue;
        nlohmann::json old = before.value(it.key(), nlohmann::json());
        if (old == *it) continue;
        auto text = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
        change += fmt::format("{}{}: {} → {}", change.empty() ? "" : "; ", it.key(), text(old), text(*it));
      }
    t.AddRow({e.at, e.actor, e.action, claim, change, e.reason});
  }
  return WriteOutput("", t.RenderText(120) + fmt::format("\n{} decisions.\n", log.size()));
}

Status Decide(const ReviewOptions& o, const Context& ctx, ReviewAction action) {
  FTF_ASSIGN_OR_RETURN(auto store, OpenStore(ctx));
  std::vector<ReviewDecision> decisions;
  if (action == ReviewAction::kCorrect) {
    if (o.ids.size() != 1) return Status::InvalidArgument("correct: give exactly one claim id");
    std::vector<std::pair<std::string, std::string>> changes;
    for (const std::string& s : o.sets) {
      auto a = ParseFieldAssignment(s);
      if (!a.ok()) return a.status().WithContext("--set");
      changes.push_back(*a);
    }
    auto d = CorrectionDecision(*store, o.ids.front(), changes, o.reason);
    if (!d.ok()) return d.status().WithContext("--set");
    decisions.push_back(std::move(d).value());
  } else {
    FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims,
                         SelectForReview(*store, ReviewSelection{o.ids, o.document, o.source, o.rule}));
    if (claims.empty()) {
      if (!ctx.global.quiet) fmt::print(stderr, "no pending claims match\n");
      return Status::OK();
    }
    decisions = BulkDecisions(claims, action, o.reason);
  }
  const std::string actor = o.actor.empty() ? DefaultActor() : o.actor;
  FTF_ASSIGN_OR_RETURN(ReviewStats st, store->ApplyReview(decisions, actor, ""));
  if (!ctx.global.quiet) {
    fmt::print(stderr, "{}: {} claim{} {}", actor, st.decided, st.decided == 1 ? "" : "s",
               action == ReviewAction::kAccept ? "accepted" : action == ReviewAction::kReject ? "rejected" : "corrected");
    if (st.corrections_added > 0) fmt::print(stderr, " ({} correcting claim{} added)", st.corrections_added,
                                             st.corrections_added == 1 ? "" : "s");
    fmt::print(stderr, "\n");
  }
  return Status::OK();
}

void AddSelection(CLI::App* cmd, ReviewOptions& o) {
  cmd->add_option("--document", o.document, "All pending claims of this document (sha256 or a prefix of 8+)");
  cmd->add_option("--source", o.source, "All pending claims of this source id");
  cmd->add_option("--rule", o.rule, "All pending claims made by this extractor rule");
}

void Setup(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ReviewOptions>();
  CLI::App* cmd = app.add_subcommand("review", "Review extracted claims: list pending ones, accept, reject, "
                                               "correct; --log shows every decision");
  AddSelection(cmd, *o);
  cmd->add_flag("--log", o->log, "Show the audit log: who decided what, when, before and after");
  cmd->add_option("--format", o->format, "table or json")->capture_default_str();
  cmd->add_option("--limit", o->limit, "List at most this many pending claims");
  cmd->add_option("--as", o->actor, "Record decisions under this name (default: $FTFWATCH_USER, else the login name)");
  cmd->require_subcommand(0, 1);

  struct Action {
    const char* name;
    const char* help;
    ReviewAction action;
  };
  for (const Action& a : {Action{"accept", "Accept claims: by id, or every pending claim of a document, source or rule",
                                 ReviewAction::kAccept},
                          Action{"reject", "Reject claims with a reason (--reason), by id or in bulk",
                                 ReviewAction::kReject},
                          Action{"correct", "Correct a claim: --set field=value (a new accepted claim replaces it)",
                                 ReviewAction::kCorrect}}) {
    CLI::App* sub = cmd->add_subcommand(a.name, a.help);
    sub->add_option("ids", o->ids, "Claim ids (see `ftfwatch review`)");
    if (a.action != ReviewAction::kCorrect) AddSelection(sub, *o);
    sub->add_option("--reason", o->reason,
                    a.action == ReviewAction::kReject ? "Why (required)" : "Why (kept in the audit log)");
    if (a.action == ReviewAction::kCorrect)
      sub->add_option("--set", o->sets, "field=value: scope, category, subgroup, unit, low, best, high, qualifier, "
                                        "as_of, attributed_to, page, note");
    sub->add_option("--as", o->actor, "Record the decision under this name");
    ReviewAction action = a.action;
    sub->callback([o, &ctx, action] { ctx.exit_code = Report(Decide(*o, ctx, action)); });
  }
  cmd->callback([o, cmd, &ctx] {
    if (!cmd->get_subcommands().empty()) return;  // a decision ran
    auto run = [&]() -> Status {
      FTF_ASSIGN_OR_RETURN(auto store, OpenStore(ctx));
      return o->log ? ShowLog(*o, *store) : ListPending(*o, *store);
    };
    ctx.exit_code = Report(run());
  });
}

FTF_REGISTER_COMMAND(32, Setup);

}  // namespace
}  // namespace ftf::cli
