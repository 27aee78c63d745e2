// One claim in a few characters, for tables and review lists.
#pragma once

#include <string>

#include "ftfwatch/claim.h"

namespace ftf {

// The figure as stated: "129", "~5,000", "≥165", ">40,000", "<129", "≤300", "300–350".
std::string StatedFigure(const Claim& c);

// "departed", "returned/women", "departed (share)": category, subgroup unless all, unit unless
// persons.
std::string FigureKind(const Claim& c);

}  // namespace ftf
