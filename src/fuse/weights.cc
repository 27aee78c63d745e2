#include "fuse/weights.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace ftf {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
int DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

// The digits of s as a number, or -1 when s is not all digits.
int Digits(std::string_view s) {
  int v = 0;
  if (s.empty()) return -1;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::optional<int> DayNumber(std::string_view iso) {
  if (iso.size() < 4) return std::nullopt;
  int y = Digits(iso.substr(0, 4));
  if (y < 0) return std::nullopt;
  if (iso.size() == 4) return DaysFromCivil(y, 7, 1);
  if (iso.size() < 7 || iso[4] != '-') return std::nullopt;
  int m = Digits(iso.substr(5, 2));
  if (m < 1 || m > 12) return std::nullopt;
  if (iso.size() == 7) return DaysFromCivil(y, static_cast<unsigned>(m), 15);
  if (iso.size() != 10 || iso[7] != '-') return std::nullopt;
  int d = Digits(iso.substr(8, 2));
  if (d < 1 || d > 31) return std::nullopt;
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string DayToIso(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

ClaimWeight WeighClaim(SourceKind kind, int day, int reference_day, const FusionConfig& config) {
  ClaimWeight w;
  w.kind = config.KindWeight(kind);
  double age = std::max(0, reference_day - day);
  w.recency = std::pow(0.5, age / config.recency_half_life_days);
  w.weight = w.kind * w.recency;
  return w;
}

}  // namespace ftf
