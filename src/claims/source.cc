#include "ftfwatch/source.h"

#include <iterator>

namespace ftf {
namespace {
constexpr std::string_view kKindNames[] = {"government", "intergovernmental", "think_tank",
                                           "academic",   "news",              "unspecified"};
}

std::string_view Name(SourceKind k) { return kKindNames[static_cast<int>(k)]; }

std::optional<SourceKind> ParseSourceKind(std::string_view s) {
  if (s.empty()) return SourceKind::kUnspecified;
  for (size_t i = 0; i < std::size(kKindNames); ++i)
    if (kKindNames[i] == s) return static_cast<SourceKind>(i);
  return std::nullopt;
}

std::vector<std::string> SplitAliases(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    size_t cut = text.find(';');
    std::string_view one = text.substr(0, cut);
    text = cut == std::string_view::npos ? std::string_view() : text.substr(cut + 1);
    while (!one.empty() && (one.front() == ' ' || one.front() == '\t')) one.remove_prefix(1);
    while (!one.empty() && (one.back() == ' ' || one.back() == '\t')) one.remove_suffix(1);
    if (!one.empty()) out.emplace_back(one);
  }
  return out;
}

std::string JoinAliases(const std::vector<std::string>& aliases) {
  std::string out;
  for (const std::string& a : aliases) out += (out.empty() ? "" : "; ") + a;
  return out;
}

}  // namespace ftf
