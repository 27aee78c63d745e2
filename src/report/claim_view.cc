#include "report/claim_view.h"

#include "report/table.h"

namespace ftf {

std::string StatedFigure(const Claim& c) {
  auto n = [](const std::optional<double>& v) { return v ? FormatCount(*v) : std::string(); };
  switch (c.qualifier) {
    case Qualifier::kExact: return n(c.best);
    case Qualifier::kApprox: return c.best ? "~" + n(c.best) : n(c.low) + "–" + n(c.high);
    case Qualifier::kAtLeast: return "≥" + n(c.low);
    case Qualifier::kMoreThan: return ">" + n(c.low);
    case Qualifier::kAtMost: return "≤" + n(c.high);
    case Qualifier::kFewerThan: return "<" + n(c.high);
    case Qualifier::kRange:
    case Qualifier::kVague: return n(c.low) + "–" + n(c.high);
  }
  return n(c.best);
}

std::string FigureKind(const Claim& c) {
  std::string figure = std::string(Name(c.category));
  if (c.subgroup != Subgroup::kAll) figure += "/" + std::string(Name(c.subgroup));
  if (c.unit != Unit::kPersons) figure += " (" + std::string(Name(c.unit)) + ")";
  return figure;
}

}  // namespace ftf
