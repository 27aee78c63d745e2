// Runs the built ftfwatch binary (FTF_BINARY) as a child process for end-to-end tests.
#pragma once

#include <string>
#include <vector>

namespace ftf::e2e {

struct CliResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `ftfwatch args...` with `stdin_text` on its standard input and FTFWATCH_DB unset
// (pass --db explicitly). Arguments are passed as-is (no shell).
CliResult RunCli(const std::vector<std::string>& args, const std::string& stdin_text = "");

// Starts `ftfwatch args...` in the background with FTFWATCH_DB unset, standard input from
// /dev/null and its output sent to `output_path` (or /dev/null when empty); returns its pid,
// for tests that signal it. The caller reaps it (waitpid).
int SpawnCli(const std::vector<std::string>& args, const std::string& output_path = "");

// A fresh temporary directory, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);

}  // namespace ftf::e2e
