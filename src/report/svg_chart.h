// Inline SVG charts for the self-contained report: horizontal bars with interval whiskers.
// Deterministic text (fixed decimals, no random ids), no scripts, no external references.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ftf {

struct BarDatum {
  std::string label;
  std::optional<double> low, best, high;  // high nullopt = open upwards (drawn as an arrow)
  std::string note;                       // text shown right of the bar ("~1,910")
};

struct ChartOptions {
  std::string title;        // shown above the bars and as the SVG's <title>
  std::string axis_label;   // under the axis ("persons")
  int width = 720;
  int bar_height = 18;
  int label_width = 170;
};

// One row per datum: a bar from 0 to best (or to low when there is no best), a whisker from
// low to high, a dot at best. The axis runs from 0 to a round number above every value.
std::string BarIntervalChart(const std::vector<BarDatum>& data, const ChartOptions& options);

// The round number (1, 2, 2.5 or 5 times a power of ten) at or above v: an axis's end.
// 1 for v <= 0.
double NiceMax(double v);

// "&amp;"-escaped text for SVG/HTML.
std::string XmlEscape(const std::string& s);

}  // namespace ftf
