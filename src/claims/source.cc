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

}  // namespace ftf
