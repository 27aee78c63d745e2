// Fuzz target: severity event files (the simple and GTD CSV layouts, one number a line).
// Properties: no crash; the values taken for a fit are finite and non-negative, with one
// line per value.
#include <cmath>

#include "fuzz_target.h"
#include "severity/events_reader.h"

FTF_FUZZ_TARGET(severity_events) {
  using namespace ftf::severity;
  auto file = ParseEvents(data, "fuzz.csv");
  if (!file.ok()) return;
  for (const char* column : {"deaths", "wounded", "casualties"}) {
    auto values = ExtractColumn(file.value(), column);
    if (!values.ok()) continue;
    FTF_FUZZ_CHECK(values->values.size() == values->lines.size());
    for (double v : values->values) FTF_FUZZ_CHECK(std::isfinite(v) && v >= 0);
    (void)ResolveDiscrete(file.value(), column, values.value(), std::nullopt);
  }
}
