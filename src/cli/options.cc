#include "cli/options.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "store/filter_spec.h"

namespace ftf::cli {

Result<OutputFormat> ParseFormat(const std::string& name, const std::vector<std::string>& allowed) {
  auto f = ParseOutputFormat(name);
  if (!f || std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
    std::string list;
    for (size_t i = 0; i < allowed.size(); ++i) list += (i ? ", " : "") + allowed[i];
    return Status::InvalidArgument(fmt::format("--format: unknown format '{}' (use one of: {})", name, list));
  }
  return *f;
}

namespace {
// "as_of" -> "--as-of": options are named as on the command line.
std::string OptionLabel(std::string_view field) {
  std::string out = "--";
  for (char c : field) out += c == '_' ? '-' : c;
  return out;
}
}  // namespace

Result<std::vector<std::string>> ResolveScopeFilter(const std::string& countries, const std::string& region) {
  FilterSpec spec;
  spec.countries = countries;
  spec.region = region;
  return ResolveScopes(spec, OptionLabel);
}

Result<ClaimFilter> BuildClaimFilter(const std::string& countries, const std::string& region,
                                     const std::string& category, const std::string& subgroup,
                                     const std::string& as_of) {
  FilterSpec spec;
  spec.countries = countries;
  spec.region = region;
  spec.category = category;
  spec.subgroup = subgroup;
  spec.as_of = as_of;
  return BuildFilter(spec, OptionLabel);
}

size_t TerminalWidth(bool wide, size_t fallback) {
  if (wide) return std::numeric_limits<size_t>::max();
  if (const char* cols = std::getenv("COLUMNS")) {
    char* end = nullptr;
    long v = std::strtol(cols, &end, 10);
    if (end != cols && *end == '\0' && v >= 20) return static_cast<size_t>(v);
  }
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
  return fallback;
}

Status WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return Status::OK();
  }
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    if (!f) return Status::IOError(fmt::format("{}: cannot write", path));
    f << text;
    if (!f) return Status::IOError(fmt::format("{}: write failed", path));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::IOError(fmt::format("{}: cannot write", path));
  return Status::OK();
}

Result<std::string> ReadInput(const std::string& path) {
  std::stringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::IOError(fmt::format("{}: cannot open (no such file or not readable)", path));
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace ftf::cli
