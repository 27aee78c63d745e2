// The report as one self-contained HTML file: inline CSS and SVG charts, no scripts, no
// external requests (a Content-Security-Policy meta tag forbids them), printable.
#pragma once

#include <string>

#include "report/report_model.h"
#include "report/table.h"

namespace ftf {

std::string RenderHtmlReport(const ReportModel& model);

// A Table as an HTML <table> (cells escaped; right-aligned columns keep their alignment).
std::string TableToHtml(const Table& table);

}  // namespace ftf
