// ftfwatch claims: every stored figure with its source and the sentence it came from.
#include <fmt/format.h>

#include "claims/claim_json.h"
#include "cli/command.h"
#include "cli/options.h"
#include "geo/gazetteer.h"
#include "report/claim_view.h"
#include "store/store.h"

namespace ftf::cli {
namespace {

struct ClaimsOptions {
  std::string country, region, category, subgroup, as_of, source, review;
  std::string format = "table";
  int64_t limit = -1;
};

Status RunClaims(const ClaimsOptions& o, const Context& ctx) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "csv", "json", "md"}));
  FTF_ASSIGN_OR_RETURN(ClaimFilter filter, BuildClaimFilter(o.country, o.region, o.category, o.subgroup, o.as_of));
  if (!o.source.empty()) filter.source_id = o.source;
  filter.limit = o.limit;
  if (!o.review.empty()) {
    auto r = ParseReviewStatus(o.review);
    if (!r)
      return Status::InvalidArgument(
          fmt::format("--review: unknown status '{}' (pending, accepted, rejected, corrected)", o.review));
    filter.review = {*r};
  }
  FTF_ASSIGN_OR_RETURN(auto store, OpenStore(ctx));
  if (!o.source.empty()) {
    FTF_ASSIGN_OR_RETURN(auto src, store->FindSource(o.source));
    if (!src) return Status::NotFound(fmt::format("--source: no source with id '{}' (see ftfwatch sources)", o.source));
  }
  FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims, store->ListClaims(filter));
  if (format == OutputFormat::kJson) {
    nlohmann::json arr = nlohmann::json::array();
    for (const Claim& c : claims) arr.push_back(ClaimToJson(c));
    return WriteOutput("", arr.dump(2) + "\n");
  }
  if (format == OutputFormat::kCsv) {
    Table t({"id", "scope", "category", "subgroup", "unit", "low", "best", "high", "qualifier", "as_of", "source",
             "attributed_to", "origin", "cue", "sentence", "page", "note", "review"});
    auto num = [](const std::optional<double>& v) { return v ? FormatNumber(*v) : std::string(); };
    for (const Claim& c : claims)
      t.AddRow({std::to_string(c.id), c.scope, std::string(Name(c.category)), std::string(Name(c.subgroup)),
                std::string(Name(c.unit)), num(c.low), num(c.best), num(c.high), std::string(Name(c.qualifier)),
                c.as_of, c.source_id, c.attributed_to.value_or(""), c.origin, c.cue, c.sentence, c.page, c.note,
                std::string(Name(c.review))});
    return WriteOutput("", t.RenderCsv());
  }
  const Gazetteer& geo = Gazetteer::Bundled();
  Table t({"ID", "Scope", "Figure", "Stated", "As of", "Source", "Evidence"},
          {Align::kRight, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft});
  for (const Claim& c : claims) {
    std::string figure = FigureKind(c);
    std::string stated = StatedFigure(c);
    if (c.review != ReviewStatus::kAccepted) stated += " (" + std::string(Name(c.review)) + ")";
    std::string evidence = !c.sentence.empty() ? c.sentence : !c.page.empty() ? c.page : c.note;
    std::string scope = geo.CountryByIso3(c.scope) ? c.scope : geo.ScopeName(c.scope);
    t.AddRow({std::to_string(c.id), scope, figure, stated, c.as_of, c.source_id, evidence});
  }
  std::string out = format == OutputFormat::kMarkdown ? t.RenderMarkdown() : t.RenderText(100);
  if (format == OutputFormat::kTable) out += fmt::format("\n{} claims.\n", claims.size());
  return WriteOutput("", out);
}

void Setup(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ClaimsOptions>();
  CLI::App* cmd = app.add_subcommand("claims", "Every stored figure, its source and the sentence it came from");
  cmd->add_option("--country", o->country, "Only these countries (ISO3 codes or names, comma-separated)");
  cmd->add_option("--region", o->region, "Only this region and its member countries");
  cmd->add_option("--category", o->category, "Only this category");
  cmd->add_option("--subgroup", o->subgroup, "Only this subgroup");
  cmd->add_option("--source", o->source, "Only claims from this source id (see ftfwatch sources)");
  cmd->add_option("--as-of", o->as_of, "Only figures published on or before this date");
  cmd->add_option("--review", o->review, "Only claims in this review status (pending, accepted, rejected, corrected)");
  cmd->add_option("--limit", o->limit, "At most this many claims");
  cmd->add_option("--format", o->format, "table, csv, json or md")->capture_default_str();
  cmd->callback([o, &ctx] { ctx.exit_code = Report(RunClaims(*o, ctx)); });
}

FTF_REGISTER_COMMAND(11, Setup);

}  // namespace
}  // namespace ftf::cli
