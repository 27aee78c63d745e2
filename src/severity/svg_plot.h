// Standalone SVG charts (no scripts, no external fonts or styles), readable in a browser or
// embeddable in the HTML report.
//
// CcdfSvg: the empirical complementary CDF P(X >= x) of the sample on log-log axes, one
//   point per distinct value, with the fitted power law drawn over the tail (scaled by the
//   tail's share so it meets the data at xmin) and xmin marked (CSN fig. 6.1 style).
// TrendSvg: two panels over time: the share of low-casualty attacks with its Wilson 95%
//   interval, and the tail exponent α with its bootstrap 95% interval.
#pragma once

#include <string>

#include "severity/power_law_fit.h"
#include "severity/sorted_sample.h"
#include "severity/trend.h"

namespace ftf::severity {

std::string CcdfSvg(const SortedSample& sample, const PowerLawFit& fit, const std::string& title);
std::string TrendSvg(const TrendResult& trend, const std::string& title);

// Escapes &, <, >, " for SVG text and attributes.
std::string SvgEscape(const std::string& text);

}  // namespace ftf::severity
