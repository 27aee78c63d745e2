// Test helpers for src/server: a temporary directory and an ApiServer on a free loopback port.
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include <httplib.h>

#include "server/api_server.h"

namespace ftf::server::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ftfwatch-server-XXXXXX").string();
    path_ = mkdtemp(tmpl.data()) ? tmpl : std::string();
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A server on 127.0.0.1:<free port>, serving on a background thread until destroyed.
class RunningServer {
 public:
  explicit RunningServer(ServerOptions o) : server_(std::make_unique<ApiServer>(std::move(o))) {
    status_ = server_->Start();
    if (status_.ok()) thread_ = std::thread([this] { (void)server_->Run(); });
  }
  ~RunningServer() {
    server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  const Status& status() const { return status_; }
  int port() const { return server_->port(); }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port());
    c.set_connection_timeout(5, 0);
    c.set_read_timeout(20, 0);
    return c;
  }

 private:
  std::unique_ptr<ApiServer> server_;
  Status status_;
  std::thread thread_;
};

}  // namespace ftf::server::testing
