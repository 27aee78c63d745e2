// ftfwatch report: one self-contained file with its tables and inline SVG charts.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.h"

namespace ftf::e2e {
namespace {

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TEST(ReportCommand, HtmlIsSelfContainedWithTablesAndSvg) {
  TempDir dir;
  CliResult r = RunCli({"--db", dir.File("r.db"), "--quiet", "report", "--format", "html", "--out", dir.File("r.html")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string html = ReadFile(dir.File("r.html"));
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
  for (const char* id : {"summary", "regions", "ledger", "women-minors", "risk", "conflicts", "method"})
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\">"), std::string::npos) << id;
  EXPECT_GE(Count(html, "<svg"), 3u);
  EXPECT_GE(Count(html, "<table>"), 5u);
  EXPECT_NE(html.find("France"), std::string::npos);
  EXPECT_NE(html.find("Soufan"), std::string::npos);  // the sources are cited
  // No external requests: no scripts, stylesheets or images from elsewhere.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
}

TEST(ReportCommand, MarkdownHasTheSameSections) {
  TempDir dir;
  CliResult r = RunCli({"--db", dir.File("r.db"), "--quiet", "report", "--format", "md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* h : {"## Global summary", "## Regions", "## Per-country ledger", "## Women and minors",
                        "## Risk tiers", "## Conflicts", "## Method notes and sources"})
    EXPECT_NE(r.out.find(h), std::string::npos) << h;
  EXPECT_NE(r.out.find("| Scope"), std::string::npos);
  EXPECT_NE(r.out.find("(data:image/svg+xml;base64,"), std::string::npos);
  EXPECT_EQ(r.out.find("](http"), std::string::npos);
}

TEST(ReportCommand, AsOfLeavesOutLaterSources) {
  TempDir dir;
  CliResult all = RunCli({"--db", dir.File("r.db"), "--quiet", "report", "--format", "md"});
  CliResult early = RunCli({"--db", dir.File("r.db"), "--quiet", "report", "--format", "md", "--as-of", "2015-12-31"});
  ASSERT_EQ(early.exit_code, 0) << early.err;
  EXPECT_NE(all.out.find("soufan2017"), std::string::npos);
  EXPECT_EQ(early.out.find("soufan2017"), std::string::npos);
  EXPECT_NE(early.out.find("As published by 2015-12-31"), std::string::npos);
}

TEST(ReportCommand, BadOptionsFail) {
  TempDir dir;
  CliResult f = RunCli({"--db", dir.File("r.db"), "--quiet", "report", "--format", "pdf"});
  EXPECT_NE(f.exit_code, 0);
  EXPECT_NE(f.err.find("--format"), std::string::npos);
  CliResult d = RunCli({"--db", dir.File("r.db"), "--quiet", "report", "--as-of", "someday"});
  EXPECT_NE(d.exit_code, 0);
  EXPECT_NE(d.err.find("--as-of"), std::string::npos);
}

}  // namespace
}  // namespace ftf::e2e

namespace ftf::e2e {
namespace {

// The HTML report's timeline for France: one mark per dated figure of departed, returned and
// detained (all, persons), with its source in the hover text, over the estimate's band.
TEST(ReportCommand, HtmlTimelineHasOneMarkPerDatedFigure) {
  TempDir dir;
  const std::string db = dir.File("t.db");
  CliResult r = RunCli({"--db", db, "-q", "report", "--format", "html", "--out", dir.File("r.html")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = ReadFile(dir.File("r.html"));
  const size_t start = html.find("<title>France (FRA)</title>");
  ASSERT_NE(start, std::string::npos) << "no timeline for France";
  const std::string svg = html.substr(start, html.find("</svg>", start) - start);
  CliResult claims = RunCli({"--db", db, "-q", "claims", "--country", "FRA", "--format", "json"});
  size_t expected = 0;
  for (const auto& c : nlohmann::json::parse(claims.out))
    if (c["scope"] == "FRA" && c["subgroup"] == "all" && c["unit"] == "persons" && c["as_of"].is_string() &&
        (c["category"] == "departed" || c["category"] == "returned" || c["category"] == "detained")) {
      ++expected;
      EXPECT_NE(svg.find(c["source"].get<std::string>() + ", " + c["as_of"].get<std::string>()), std::string::npos)
          << c.dump();
    }
  EXPECT_EQ(Count(svg, "class=\"tl-mark\""), expected);
  EXPECT_NE(svg.find("class=\"band\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"mark arrow up\""), std::string::npos);  // ICCT 2016's "more than 900"
}

}  // namespace
}  // namespace ftf::e2e
