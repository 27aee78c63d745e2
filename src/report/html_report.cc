#include "report/html_report.h"

#include <fmt/format.h>

#include "core/csv.h"
#include "report/report_sections.h"
#include "report/svg_chart.h"

namespace ftf {

std::string TableToHtml(const Table& table) {
  // The Table's CSV is its full, unabridged content (RenderText shortens cells to fit).
  auto csv = CsvTable::Parse(table.RenderCsv(), "table");
  if (!csv.ok()) return "<p>(table unavailable: " + XmlEscape(csv.status().message()) + ")</p>";
  auto numeric = [](const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
      if (!(std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.' || c == '-' || c == ' ' ||
            c == '[' || c == ']' || c == '~' || c == '%'))
        return false;
    return true;
  };
  std::string out = "<table>\n<thead><tr>";
  for (const std::string& h : csv->header()) out += "<th>" + XmlEscape(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const CsvRecord& r : csv->records()) {
    out += "<tr>";
    for (const std::string& f : r.fields)
      out += (numeric(f) ? "<td class=\"num\">" : "<td>") + XmlEscape(f) + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string RenderHtmlReport(const ReportModel& m) {
  std::vector<ReportSection> sections = BuildReportSections(m);
  std::string out = fmt::format(R"(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{}">
<title>{}</title>
<style>
body {{ font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; max-width: 1100px; margin: 0 auto; padding: 24px; }}
h1 {{ font-size: 26px; margin-bottom: 4px; }} h2 {{ font-size: 20px; margin-top: 36px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }}
.sub {{ color: #666; margin-top: 0; }} nav a {{ margin-right: 14px; }}
table {{ border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0 16px; }}
th, td {{ border-bottom: 1px solid #eee; padding: 4px 8px; text-align: left; vertical-align: top; }}
th {{ background: #f4f4f6; }} td.num {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
caption {{ text-align: left; font-weight: 600; padding: 4px 0; }} figure {{ margin: 12px 0; overflow-x: auto; }}
.table-wrap {{ overflow-x: auto; }}
@media print {{ nav {{ display: none; }} h2 {{ page-break-before: auto; }} }}
</style>
</head>
<body>
<h1>{}</h1>
<p class="sub">{}</p>
<nav>)",
                                XmlEscape(m.generated_by), XmlEscape(ReportTitle(m)), XmlEscape(ReportTitle(m)),
                                XmlEscape(ReportSubtitle(m)));
  for (const ReportSection& s : sections) out += fmt::format("<a href=\"#{}\">{}</a>", s.id, XmlEscape(s.title));
  out += "</nav>\n";
  for (const ReportSection& s : sections) {
    out += fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n", s.id, XmlEscape(s.title));
    for (const std::string& p : s.paragraphs) out += "<p>" + XmlEscape(p) + "</p>\n";
    if (!s.bullets.empty()) {
      out += "<ul>\n";
      for (const std::string& b : s.bullets) out += "<li>" + XmlEscape(b) + "</li>\n";
      out += "</ul>\n";
    }
    for (const std::string& svg : s.charts) out += "<figure>\n" + svg + "</figure>\n";
    for (const auto& [caption, table] : s.tables)
      out += fmt::format("<div class=\"table-wrap\" data-table=\"{}\"><p><b>{}</b> ({} rows)</p>\n{}</div>\n",
                         XmlEscape(caption), XmlEscape(caption), table.rows(), TableToHtml(table));
    out += "</section>\n";
  }
  out += "<footer><p class=\"sub\">Aggregate figures for countries and regions as published by the sources listed; "
         "never about named individuals.</p></footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace ftf
