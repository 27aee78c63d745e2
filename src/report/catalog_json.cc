#include "report/catalog_json.h"

namespace ftf {

nlohmann::json CountryJson(const Country& c) {
  return {{"iso3", c.iso3},
          {"iso2", c.iso2},
          {"m49", c.m49},
          {"name", c.name},
          {"official_name", c.official_name},
          {"aliases", c.aliases},
          {"demonyms", c.demonyms},
          {"un_region", c.un_region},
          {"un_subregion", c.un_subregion},
          {"population", c.population ? nlohmann::json(*c.population) : nlohmann::json(nullptr)},
          {"population_year", c.population_year ? nlohmann::json(c.population_year) : nlohmann::json(nullptr)}};
}

nlohmann::json RegionJson(const Region& r) {
  return {{"id", r.id}, {"scope", r.scope}, {"name", r.name}, {"aliases", r.aliases}, {"members", r.members},
          {"adhoc", r.adhoc}};
}

nlohmann::json SourceJson(const Source& s, int64_t n_claims) {
  return {{"id", s.id},         {"publisher", s.publisher}, {"title", s.title},   {"authors", s.authors},
          {"published", s.published}, {"url", s.url},       {"kind", Name(s.kind)}, {"terms", s.terms},
          {"notes", s.notes},   {"aliases", s.aliases},     {"claims", n_claims}};
}

Result<nlohmann::json> SourcesJson(const Store& store) {
  FTF_ASSIGN_OR_RETURN(std::vector<Source> sources, store.ListSources());
  nlohmann::json arr = nlohmann::json::array();
  for (const Source& s : sources) {
    ClaimFilter f;
    f.source_id = s.id;
    FTF_ASSIGN_OR_RETURN(int64_t n, store.CountClaims(f));
    arr.push_back(SourceJson(s, n));
  }
  return arr;
}

}  // namespace ftf
