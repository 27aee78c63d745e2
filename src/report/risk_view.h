// Rendering the risk table: JSON (the same bytes from the CLI and the HTTP server), a terminal
// or Markdown table, CSV, and the reasons as text.
//
// JSON: an array, one object per country, ranked: scope, name, rank, tier, tier_low,
// tier_high (null when unknown), score, score_low, score_high, reasons, population, as_of,
// conflict, and the figures returnees, departed, returnees_per_million, return_rate,
// in_theater (+ in_theater_derived), women_returned, minors_returned, women_minors_returned,
// women_departed, minors_departed, expected_plotters: each {low, best, high} (high null when
// open) or null; indicators [{id, weight, value, band_low, band, band_high}].
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "report/table.h"
#include "risk/risk_model.h"

namespace ftf {

nlohmann::json RiskJson(const RiskTable& table);

// Rank | Country | Tier | Range (tier at the low–high ends) | Returnees | Per million | Return rate | In theatre | Women+minors |
// Plotters (expected).
Table RiskReportTable(const RiskTable& table);

// "GBR United Kingdom — high (moderate–severe)" and its reasons, one block per country.
std::string RiskReasonsText(const RiskTable& table);

// "elevated" or "moderate–severe"; "unknown" without a returnee estimate.
std::string TierText(const CountryRisk& r);

}  // namespace ftf
