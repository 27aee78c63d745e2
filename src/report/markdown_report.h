// The report as one Markdown file: the same sections as the HTML report, tables in GitHub
// Markdown, charts as inline data-URI SVG images (no external requests).
#pragma once

#include <string>

#include "report/report_model.h"

namespace ftf {

std::string RenderMarkdownReport(const ReportModel& model);

}  // namespace ftf
