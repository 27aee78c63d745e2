#include "report/report_model.h"

#include <algorithm>

#include <fmt/format.h>

#include "claims/claim_csv.h"
#include "geo/gazetteer.h"
#include "risk/risk_config.h"

namespace ftf {

Result<ReportModel> BuildReportModel(const Store& store, const std::string& as_of, bool include_pending) {
  ReportModel m;
  m.as_of = as_of;
  m.generated_by = std::string("ftfwatch ") + FTF_VERSION;
  m.database = store.Location();
  ClaimFilter filter;
  if (!as_of.empty()) {
    if (!IsIsoDate(as_of)) return Status::InvalidArgument(fmt::format("--as-of: not a date (YYYY-MM-DD): '{}'", as_of));
    filter.as_of_max = as_of;
  }
  filter.review = LedgerStatuses(include_pending);
  FTF_ASSIGN_OR_RETURN(m.claims, store.ListClaims(filter));
  FTF_ASSIGN_OR_RETURN(std::vector<Source> sources, store.ListSources());
  std::map<std::string, Source> by_id;
  for (const Source& s : sources) by_id.emplace(s.id, s);
  for (const Claim& c : m.claims) ++m.claims_per_source[c.source_id];
  for (const Source& s : sources)
    if (m.claims_per_source.count(s.id)) m.sources.push_back(s);
  FTF_ASSIGN_OR_RETURN(m.fusion_config, DefaultFusionConfig());
  m.fusion_config.as_of = as_of;
  FTF_ASSIGN_OR_RETURN(m.fusion, Fuse(m.claims, by_id, m.fusion_config));
  m.ledger = ToLedgerEntries(m.fusion);
  FTF_ASSIGN_OR_RETURN(RiskConfig risk_config, DefaultRiskConfig());
  m.risk = ComputeRisk(m.fusion, Gazetteer::Bundled(), risk_config);
  return m;
}

std::optional<SummaryFigure> WorldFigure(const ReportModel& m, Category category, Subgroup subgroup) {
  if (const Estimate* e = m.fusion.Find(LedgerKey{"World", category, subgroup, Unit::kPersons}))
    return SummaryFigure{e->interval.ToString(), "World estimate"};
  for (const Aggregate& a : m.fusion.aggregates)
    if (a.region == "World" && a.category == category && a.subgroup == subgroup && a.covered > 0)
      return SummaryFigure{a.sum.ToString(), fmt::format("sum over {} countries with a figure", a.covered)};
  return std::nullopt;
}

}  // namespace ftf
