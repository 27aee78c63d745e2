// Files from data/ and web/dist/ compiled into the binary (see cmake/embed_data.cmake), so
// ftfwatch runs from any directory without an install step.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace ftf::embedded {

// The bytes of the bundled file at `path` (relative to the repository root, for example
// "data/geo/countries.csv"), or nullopt. The view lives as long as the program.
std::optional<std::string_view> Find(std::string_view path);

// Paths of the bundled files that start with `prefix`, in build order.
std::vector<std::string_view> List(std::string_view prefix);

}  // namespace ftf::embedded
