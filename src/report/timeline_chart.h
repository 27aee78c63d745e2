// A country's history as an inline SVG for the written report: per category, every stated
// figure at its date (a dot for a point, a bar for an interval, an arrow up for "more than / at
// least", down for "fewer than / at most"), coloured by source, over the fused estimate's band
// as it stood at each date. Each mark's <title> (shown on hover) gives the figure, source,
// date and sentence. The dashboard draws the same picture (web/src/charts.js countryTimeline).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ftfwatch/claim.h"
#include "report/report_model.h"

namespace ftf {

struct TimelineBand {
  std::string date;  // from this date until the next band point
  double low = 0;
  std::optional<double> high;  // nullopt = open upwards
};

struct TimelinePanel {
  Category category = Category::kDeparted;
  std::vector<Claim> marks;  // dated claims of the category (all, persons)
  std::vector<TimelineBand> band;
};

// Panels for departed, returned and detained of `scope` (those with a mark or a band): the
// model's dated claims, and the fused estimate re-computed with only the claims dated on or
// before each of their dates.
std::vector<TimelinePanel> CountryTimeline(const ReportModel& m, const std::string& scope);

// The SVG; "" when no panel has a mark.
std::string TimelineSvg(const std::string& title, const std::vector<TimelinePanel>& panels);

}  // namespace ftf
