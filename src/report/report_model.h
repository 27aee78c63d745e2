// ReportModel: everything the written report (html_report.h, markdown_report.h) shows, read
// from a store once: fused estimates and aggregates, conflicts, risk tiers, and the sources.
// Both formats render the same model, so they always agree.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "fuse/fusion.h"
#include "risk/risk_model.h"
#include "store/store.h"

namespace ftf {

struct ReportModel {
  std::string as_of;         // "" = everything stored; else only what was published by this date
  std::string generated_by;  // "ftfwatch 0.1.0"
  std::string database;      // Store::Location()
  std::vector<Claim> claims;  // every claim published by as_of
  std::vector<Source> sources;  // those with at least one claim in `claims`, by id
  std::map<std::string, int64_t> claims_per_source;
  FusionConfig fusion_config;
  FusionResult fusion;
  std::vector<LedgerEntry> ledger;  // the fused estimates as ledger rows
  RiskTable risk;
};

// Reads the claims published by `as_of` ("" = all; else YYYY[-MM[-DD]]), fuses them with the
// bundled fusion config and grades risk with the bundled risk config.
// Only accepted claims count, unless `include_pending`.
Result<ReportModel> BuildReportModel(const Store& store, const std::string& as_of, bool include_pending = false);

// Figures the summary quotes, from the model: the World estimate for a category (or the sum
// of country estimates when no World figure exists) — nullopt when neither exists.
struct SummaryFigure {
  std::string text;  // "~42,000 (40,000–45,000)"
  std::string basis; // "World estimate" or "sum over 63 countries"
};
std::optional<SummaryFigure> WorldFigure(const ReportModel& m, Category category, Subgroup subgroup = Subgroup::kAll);

}  // namespace ftf
