// ftfwatch serve as a process: starts on a free loopback port, answers, stops on SIGTERM.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fcntl.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "run_cli.h"

extern char** environ;

namespace ftf::e2e {
namespace {

class ServeProcess {
 public:
  ServeProcess(const std::string& db, std::vector<std::string> extra, const std::string& out_file) {
    std::vector<std::string> args = {FTF_BINARY, "--db", db, "serve", "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, (out_file + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (posix_spawn(&pid_, FTF_BINARY, &fa, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&fa);
    std::regex re(R"(serving http://127\.0\.0\.1:(\d+)/)");
    for (int i = 0; i < 300 && pid_ > 0 && port_ == 0; ++i) {
      std::smatch m;
      std::string out = ReadFile(out_file);
      if (std::regex_search(out, m, re)) port_ = std::stoi(m[1]);
      else std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ~ServeProcess() {
    if (pid_ > 0 && !waited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  int port() const { return port_; }
  // Sends SIGTERM and returns the exit status (or -1).
  int Terminate() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    waited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  bool waited_ = false;
};

TEST(ServeCommand, ServesTheApiAndStopsCleanly) {
  TempDir dir;
  ServeProcess srv(dir.File("s.db"), {}, dir.File("out.txt"));
  ASSERT_GT(srv.port(), 0) << ReadFile(dir.File("out.txt.err"));
  httplib::Client cli("127.0.0.1", srv.port());
  auto h = cli.Get("/api/health");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
  EXPECT_EQ(nlohmann::json::parse(h->body)["read_only"], true);
  auto ledger = cli.Get("/api/ledger?country=GBR");
  ASSERT_TRUE(ledger);
  EXPECT_EQ(ledger->status, 200);
  // The CLI gives the same ledger for the same database.
  CliResult cli_ledger = RunCli({"--db", dir.File("s.db"), "--quiet", "ledger", "--country", "GBR", "--format", "json"});
  ASSERT_EQ(cli_ledger.exit_code, 0) << cli_ledger.err;
  EXPECT_EQ(nlohmann::json::parse(ledger->body), nlohmann::json::parse(cli_ledger.out));
  EXPECT_EQ(srv.Terminate(), 0);
  EXPECT_NE(ReadFile(dir.File("out.txt.err")).find("stopped"), std::string::npos);
}

TEST(ServeCommand, TokenFileEnablesIngest) {
  TempDir dir;
  WriteFile(dir.File("token"), "e2e-secret-token-123456\n");
  ServeProcess srv(dir.File("s.db"), {"--token-file", dir.File("token")}, dir.File("out.txt"));
  ASSERT_GT(srv.port(), 0) << ReadFile(dir.File("out.txt.err"));
  httplib::Client cli("127.0.0.1", srv.port());
  const std::string csv = "scope,category,subgroup,unit,best,qualifier,as_of,source\nISL,departed,all,persons,4,exact,2017-10-31,soufan2017\n";
  auto no = cli.Post("/api/ingest", csv, "text/csv");
  ASSERT_TRUE(no);
  EXPECT_EQ(no->status, 401);
  auto yes = cli.Post("/api/ingest", {{"Authorization", "Bearer e2e-secret-token-123456"}}, csv, "text/csv");
  ASSERT_TRUE(yes);
  EXPECT_EQ(yes->status, 200) << yes->body;
  EXPECT_EQ(srv.Terminate(), 0);
  CliResult claims = RunCli({"--db", dir.File("s.db"), "--quiet", "claims", "--country", "ISL", "--format", "json"});
  EXPECT_NE(claims.out.find("\"best\": 4"), std::string::npos) << claims.out;
}

TEST(ServeCommand, RefusesAShortToken) {
  TempDir dir;
  WriteFile(dir.File("token"), "short\n");
  CliResult r = RunCli({"--db", dir.File("s.db"), "serve", "--port", "0", "--token-file", dir.File("token")});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("shorter than 16"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ftf::e2e
