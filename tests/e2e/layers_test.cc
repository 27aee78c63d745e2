// End-to-end: bundled data layers (data/layers/) load into an existing database, accepted,
// and loading one twice adds nothing.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>

#include "run_cli.h"

namespace ftf::e2e {
namespace {

// Lines of a bundled CSV, without its header.
size_t DataLines(const std::string& path) {
  std::ifstream f(path);
  std::string line;
  size_t n = 0;
  while (std::getline(f, line)) n += line.empty() ? 0 : 1;
  return n - 1;
}

TEST(LayersE2E, LoadingARealPagesLayerTwiceAddsNothing) {
  const std::string layer = std::string(FTF_SOURCE_DIR) + "/data/layers/realpages/";
  const size_t sources = DataLines(layer + "sources.csv");
  const size_t claims_in_file = DataLines(layer + "claims.csv");
  TempDir dir;
  const std::string db = dir.File("l.db");
  CliResult list = RunCli({"--db", db, "-q", "layers"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("realpages"), std::string::npos) << list.out;
  CliResult first = RunCli({"--db", db, "layers", "load", "realpages"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(first.err, m, std::regex(R"((\d+) new sources, (\d+) new claims)"))) << first.err;
  EXPECT_EQ(std::stoul(m[1]), sources);
  const long added = std::stol(m[2]);
  EXPECT_EQ(static_cast<size_t>(added), claims_in_file);  // the tool writes each claim once
  EXPECT_GT(added, 100);
  CliResult again = RunCli({"--db", db, "layers", "load", "realpages"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 new sources, 0 new claims (" + std::to_string(added) + " already stored)"),
            std::string::npos)
      << again.err;
  // The layer's claims are accepted, with the page as their citation and no page text.
  CliResult claims = RunCli({"--db", db, "-q", "claims", "--format", "json"});
  auto arr = nlohmann::json::parse(claims.out);
  long from_layer = 0;
  for (const auto& c : arr) {
    if (c["origin"] != "layer/realpages") continue;
    ++from_layer;
    EXPECT_EQ(c["review"], "accepted");
    EXPECT_EQ(c["sentence"], "");
    EXPECT_EQ(c["page"].get<std::string>().rfind("http", 0), 0u) << c.dump();
  }
  EXPECT_EQ(from_layer, added);
  CliResult unknown = RunCli({"--db", db, "-q", "layers", "load", "atlantis"});
  EXPECT_EQ(unknown.exit_code, 5);
  EXPECT_NE(unknown.err.find("no bundled layer 'atlantis'"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace ftf::e2e
