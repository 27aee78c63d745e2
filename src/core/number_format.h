// Number formatting shared by every stage: counts for people to read ("5,600") and numbers for
// machines to read back ("5600"). Lives in core because claims, store, fuse and risk all print
// numbers and none of them may depend on the report stage above them.
#pragma once

#include <string>

namespace ftf {

// 5600 -> "5,600"; non-integers keep up to `decimals` places ("0.25"); ±∞ -> "∞"/"-∞";
// NaN -> "".
std::string FormatCount(double v, int decimals = 2);

// Plain machine form for CSV/JSON text: 5600 -> "5600", 0.25 -> "0.25" (the shortest form that
// reads back exactly); no separators; NaN -> "".
std::string FormatNumber(double v);

}  // namespace ftf
