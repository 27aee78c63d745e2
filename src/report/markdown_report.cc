#include "report/markdown_report.h"

#include <fmt/format.h>

#include "report/report_sections.h"

namespace ftf {
namespace {

std::string Base64(const std::string& in) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t n = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out += kAlphabet[(n >> k) & 63];
  }
  if (i < in.size()) {
    uint32_t n = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace

std::string RenderMarkdownReport(const ReportModel& m) {
  std::string out = fmt::format("# {}\n\n_{}_\n\n", ReportTitle(m), ReportSubtitle(m));
  std::vector<ReportSection> sections = BuildReportSections(m);
  for (const ReportSection& s : sections) out += fmt::format("- [{}](#{})\n", s.title, s.id);
  out += "\n";
  for (const ReportSection& s : sections) {
    out += fmt::format("<a id=\"{}\"></a>\n\n## {}\n\n", s.id, s.title);
    for (const std::string& p : s.paragraphs) out += p + "\n\n";
    for (const std::string& b : s.bullets) out += "- " + b + "\n";
    if (!s.bullets.empty()) out += "\n";
    int n = 0;
    for (const std::string& svg : s.charts)
      out += fmt::format("![{} chart {}](data:image/svg+xml;base64,{})\n\n", s.title, ++n, Base64(svg));
    for (const auto& [caption, table] : s.tables)
      out += fmt::format("**{}** ({} rows)\n\n{}\n", caption, table.rows(), table.RenderMarkdown());
  }
  out += "---\nAggregate figures for countries and regions as published by the sources listed; never about named "
         "individuals.\n";
  return out;
}

}  // namespace ftf
