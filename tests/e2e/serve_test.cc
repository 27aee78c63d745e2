// ftfwatch serve as a process: starts on a free loopback port, answers, stops on SIGTERM.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <chrono>

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

// A raw TCP connection to the server, to hold it open in a chosen state.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) {
      close(fd_);
      fd_ = -1;
    }
  }
  ~RawConnection() {
    if (fd_ >= 0) close(fd_);
  }
  bool ok() const { return fd_ >= 0; }
  void Send(const std::string& s) { ASSERT_EQ(send(fd_, s.data(), s.size(), MSG_NOSIGNAL), static_cast<ssize_t>(s.size())); }
  // Reads until the peer closes or `timeout_ms` passes; `closed` tells which.
  std::string ReadAll(int timeout_ms, bool* closed) {
    std::string out;
    char buf[65536];
    *closed = false;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 20) <= 0) continue;
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        *closed = true;
        break;
      }
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }
  // Reads one response with a Content-Length body (the server's answers all have one).
  std::string ReadResponse() {
    std::string out;
    char buf[65536];
    for (int i = 0; i < 500; ++i) {
      size_t head = out.find("\r\n\r\n");
      if (head != std::string::npos) {
        std::smatch m;
        std::regex re("Content-Length: (\\d+)", std::regex::icase);
        std::string headers = out.substr(0, head);
        if (std::regex_search(headers, m, re) && out.size() >= head + 4 + std::stoul(m[1])) return out;
      }
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 20) <= 0) continue;
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }

 private:
  int fd_ = -1;
};

// SIGTERM with clients connected (idle keep-alive, half-sent requests, silent connections and
// requests being processed): the server stops within 2 s, answers what it is processing in
// full or closes it, and closes every connection.
TEST(ServeCommand, StopsWithinTwoSecondsOfSigtermWithConnectionsOpen) {
  TempDir dir;
  ServeProcess srv(dir.File("s.db"), {}, dir.File("out.txt"));
  ASSERT_GT(srv.port(), 0) << ReadFile(dir.File("out.txt.err"));
  std::vector<std::unique_ptr<RawConnection>> idle, half, silent, busy;
  for (int i = 0; i < 6; ++i) {
    idle.push_back(std::make_unique<RawConnection>(srv.port()));
    ASSERT_TRUE(idle.back()->ok());
    idle.back()->Send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    std::string r = idle.back()->ReadResponse();
    ASSERT_EQ(r.rfind("HTTP/1.1 200", 0), 0u) << r;  // now idle, kept alive
  }
  for (int i = 0; i < 4; ++i) {
    half.push_back(std::make_unique<RawConnection>(srv.port()));
    half.back()->Send("GET /api/ledger HTTP/1.1\r\nHo");  // stalls mid-header
    silent.push_back(std::make_unique<RawConnection>(srv.port()));
  }
  // Requests that take a moment: a power-law fit with bootstrap replicates.
  std::string body = "deaths\n";
  for (int i = 1; i <= 400; ++i) body += std::to_string(1 + (i * 7919) % 97 * (i % 5 ? 1 : 13)) + "\n";
  const std::string fit = "POST /api/severity?bootstrap=100&seed=1 HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
                          "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  for (int i = 0; i < 2; ++i) {
    busy.push_back(std::make_unique<RawConnection>(srv.port()));
    busy.back()->Send(fit);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto t0 = std::chrono::steady_clock::now();
  const int exit_code = srv.Terminate();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("serve stopped %.3f s after SIGTERM with 16 connections open\n", seconds);
  EXPECT_EQ(exit_code, 0);
  EXPECT_LT(seconds, 2.0);
  EXPECT_NE(ReadFile(dir.File("out.txt.err")).find("stopped"), std::string::npos);
  // Requests in progress were answered in full, or their connection was closed unanswered.
  for (auto& c : busy) {
    bool closed = false;
    std::string r = c->ReadAll(1000, &closed);
    EXPECT_TRUE(closed);
    if (!r.empty()) {
      EXPECT_EQ(r.rfind("HTTP/1.1 200", 0), 0u) << r.substr(0, 200);
      EXPECT_NE(r.find("\"alpha\""), std::string::npos) << "truncated answer: " << r.substr(0, 200);
    }
  }
  // A half-sent request is answered 400 (its headers never ended) or closed; idle and silent
  // connections are closed with nothing sent.
  for (auto& c : half) {
    bool closed = false;
    std::string r = c->ReadAll(1000, &closed);
    EXPECT_TRUE(closed);
    if (!r.empty()) {
      EXPECT_EQ(r.rfind("HTTP/1.1 400", 0), 0u) << r.substr(0, 200);
    }
  }
  for (auto* group : {&idle, &silent})
    for (auto& c : *group) {
      bool closed = false;
      EXPECT_EQ(c->ReadAll(1000, &closed), "");
      EXPECT_TRUE(closed);
    }
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
