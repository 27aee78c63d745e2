// The source: who published a figure. Claims name their source by id; fusion weighs a claim by
// its source's kind (docs/fusion.md). A plain value, shared by the store, fusion and the views,
// so that none of them needs the store to speak of a source.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  // Other names the publisher goes by in the texts that quote it ("Soufan Group", "TSG").
  // Fusion folds a claim that credits one of these names (Claim::attributed_to) into this
  // source's edition (docs/fusion.md, "Copies under other sources").
  std::vector<std::string> aliases;
  std::string published;  // ISO date (or YYYY-MM)
  std::string url;
  SourceKind kind = SourceKind::kUnspecified;
  std::string terms, notes;
  bool operator==(const Source&) const = default;
};

// Aliases as written in one CSV cell or database column: "Soufan Group; TSG". Splitting trims
// each name and drops empty ones; joining uses "; ".
std::vector<std::string> SplitAliases(std::string_view text);
std::string JoinAliases(const std::vector<std::string>& aliases);

}  // namespace ftf
