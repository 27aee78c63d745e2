// The replay driver: `fuzz_replay TARGET DIR...` runs every file under each DIR through the
// fuzz target TARGET once (the same code libFuzzer runs, see fuzz_target.h). CTest uses it to
// replay each target's seed corpus and the inputs of every crash found, in the normal build.
// Exit status 0 when every input ran; a failed property or sanitizer finding aborts.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_target.h"

namespace ftf::fuzz {
namespace {
std::map<std::string, TargetFn>& Targets() {
  static std::map<std::string, TargetFn> targets;
  return targets;
}
}  // namespace

bool Register(const char* name, TargetFn fn) {
  Targets()[name] = fn;
  return true;
}

}  // namespace ftf::fuzz

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  auto& targets = ftf::fuzz::Targets();
  if (argc < 3 || !targets.count(argv[1])) {
    std::fprintf(stderr, "usage: fuzz_replay TARGET DIR...\ntargets:");
    for (const auto& [name, fn] : targets) std::fprintf(stderr, " %s", name.c_str());
    std::fprintf(stderr, "\n");
    return 2;
  }
  ftf::fuzz::TargetFn fn = targets[argv[1]];
  std::vector<fs::path> files;
  for (int i = 2; i < argc; ++i) {
    std::error_code ec;
    if (!fs::exists(argv[i], ec)) continue;  // a target may have no regressions yet
    if (fs::is_regular_file(argv[i], ec)) {
      files.emplace_back(argv[i]);
      continue;
    }
    for (const auto& e : fs::recursive_directory_iterator(argv[i]))
      if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "fuzz_replay %s: no input files\n", argv[1]);
    return 1;
  }
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string data = ss.str();
    fn(data);
  }
  std::printf("fuzz_replay %s: %zu inputs ran\n", argv[1], files.size());
  return 0;
}
