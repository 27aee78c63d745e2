// The source: who published a figure. Claims name their source by id; fusion weighs a claim by
// its source's kind (docs/fusion.md). A plain value, shared by the store, fusion and the views,
// so that none of them needs the store to speak of a source.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ftf {

// Who published a figure; the kind weighs it in fusion (docs/fusion.md).
enum class SourceKind { kGovernment, kIntergovernmental, kThinkTank, kAcademic, kNews, kUnspecified };
// "government", "intergovernmental", "think_tank", "academic", "news", "unspecified".
std::string_view Name(SourceKind k);
// The names above; "" reads as unspecified; anything else is nullopt.
std::optional<SourceKind> ParseSourceKind(std::string_view s);

struct Source {
  std::string id;  // short key: "soufan2017"
  std::string publisher, title, authors;
  std::string published;  // ISO date (or YYYY-MM)
  std::string url;
  SourceKind kind = SourceKind::kUnspecified;
  std::string terms, notes;
  bool operator==(const Source&) const = default;
};

}  // namespace ftf
