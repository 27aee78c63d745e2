// ftfwatch report: one self-contained file with its tables and inline SVG charts.
#include <gtest/gtest.h>

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
