// ftfwatch countries / regions: the gazetteer.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/options.h"
#include "geo/gazetteer.h"
#include "report/catalog_json.h"

namespace ftf::cli {
namespace {

struct GeoOptions {
  std::string format = "table";
  std::string lookup;  // a name to resolve
};

Status RunCountries(const GeoOptions& o) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "csv", "json", "md"}));
  const Gazetteer& geo = Gazetteer::Bundled();
  std::vector<const Country*> list;
  if (!o.lookup.empty()) {
    const Country* c = geo.FindCountry(o.lookup);
    if (!c) {
      auto r = geo.ResolveScope(o.lookup);
      if (!r.ok()) return r.status();
      return Status::NotFound(fmt::format("'{}' is the region {}, not a country (see ftfwatch regions)", o.lookup,
                                          r.value()));
    }
    list.push_back(c);
  } else {
    for (const Country& c : geo.countries()) list.push_back(&c);
  }
  if (format == OutputFormat::kJson) {
    nlohmann::json arr = nlohmann::json::array();
    for (const Country* c : list) arr.push_back(CountryJson(*c));
    return WriteOutput("", arr.dump(2) + "\n");
  }
  Table t({"ISO3", "ISO2", "M49", "Name", "Region", "Subregion", "Population"},
          {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight});
  for (const Country* c : list)
    t.AddRow({c->iso3, c->iso2, c->m49, c->name, c->un_region, c->un_subregion,
              c->population ? (format == OutputFormat::kCsv ? FormatNumber(*c->population) : FormatCount(*c->population))
                            : ""});
  if (format == OutputFormat::kCsv) return WriteOutput("", t.RenderCsv());
  return WriteOutput("", format == OutputFormat::kMarkdown ? t.RenderMarkdown() : t.RenderText(100));
}

Status RunRegions(const GeoOptions& o) {
  FTF_ASSIGN_OR_RETURN(OutputFormat format, ParseFormat(o.format, {"table", "csv", "json", "md"}));
  const Gazetteer& geo = Gazetteer::Bundled();
  std::vector<const Region*> list;
  if (!o.lookup.empty()) {
    const Region* r = geo.FindRegion(o.lookup);
    if (!r) {
      auto s = geo.ResolveScope(o.lookup);
      if (!s.ok()) return s.status();
      return Status::NotFound(fmt::format("'{}' is a country ({}), not a region", o.lookup, s.value()));
    }
    list.push_back(r);
  } else {
    for (const Region& r : geo.regions()) list.push_back(&r);
  }
  if (format == OutputFormat::kJson) {
    nlohmann::json arr = nlohmann::json::array();
    for (const Region* r : list) arr.push_back(RegionJson(*r));
    return WriteOutput("", arr.dump(2) + "\n");
  }
  Table t({"Scope", "ID", "Members", "Name"}, {Align::kLeft, Align::kLeft, Align::kRight, Align::kLeft});
  for (const Region* r : list) {
    std::string members = std::to_string(r->members.size());
    if (!o.lookup.empty()) {
      members.clear();
      for (size_t i = 0; i < r->members.size(); ++i) members += (i ? " " : "") + r->members[i];
    }
    t.AddRow({r->scope, r->id, members, r->name});
  }
  if (format == OutputFormat::kCsv) return WriteOutput("", t.RenderCsv());
  return WriteOutput("", format == OutputFormat::kMarkdown ? t.RenderMarkdown() : t.RenderText(100));
}

void Setup(CLI::App& app, Context& ctx) {
  auto oc = std::make_shared<GeoOptions>();
  CLI::App* countries = app.add_subcommand("countries", "Countries: codes, names, regions, population");
  countries->add_option("name", oc->lookup, "Look one up by code, name, alias or demonym (\"Britons\", \"U.K.\")");
  countries->add_option("--format", oc->format, "table, csv, json or md")->capture_default_str();
  countries->callback([oc, &ctx] { ctx.exit_code = Report(RunCountries(*oc)); });
  auto orr = std::make_shared<GeoOptions>();
  CLI::App* regions = app.add_subcommand("regions", "Regions and groupings, with their members");
  regions->add_option("name", orr->lookup, "Show one region and its members");
  regions->add_option("--format", orr->format, "table, csv, json or md")->capture_default_str();
  regions->callback([orr, &ctx] { ctx.exit_code = Report(RunRegions(*orr)); });
}

FTF_REGISTER_COMMAND(13, Setup);

}  // namespace
}  // namespace ftf::cli
