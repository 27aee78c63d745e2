#include "extract/trigger_scan.h"

#include <array>

namespace ftf::extract {
namespace {

// Byte classes of the scan, from one table look-up instead of a chain of comparisons.
enum ByteClass : uint8_t { kOther, kLetter, kDigit, kSpace, kHyphen };

constexpr std::array<uint8_t, 256> MakeClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  t[' '] = kSpace;
  t['-'] = kHyphen;
  return t;
}
constexpr std::array<uint8_t, 256> kClass = MakeClasses();

inline bool Letter(unsigned char c) { return kClass[c] == kLetter; }

// Whether the word before [b, e) or the one after it is written in capitals (two or more letters).
bool AllCapsWordNear(const unsigned char* p, size_t n, size_t b, size_t e) {
  auto caps = [&](size_t x, size_t y) {
    if (y < x + 2) return false;
    for (size_t t = x; t < y; ++t)
      if (p[t] < 'A' || p[t] > 'Z') return false;
    return true;
  };
  size_t a = b;
  while (a > 0 && p[a - 1] == ' ') --a;
  size_t a0 = a;
  while (a0 > 0 && Letter(p[a0 - 1])) --a0;
  size_t c = e;
  while (c < n && p[c] == ' ') ++c;
  size_t c1 = c;
  while (c1 < n && Letter(p[c1])) ++c1;
  return caps(a0, a) || caps(c, c1);
}

}  // namespace

uint8_t ScanTriggers(std::string_view text, const RuleSet& r) {
  uint8_t flags = 0;
  const size_t n = text.size();
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  // The word before, while only spaces and hyphens followed it, when it can start a pair.
  uint64_t prev = 0;
  size_t i = 0;
  while (i < n) {
    const uint8_t cls = kClass[p[i]];
    if (cls != kLetter) {
      if (cls == kDigit) flags |= kTrigNumber;
      else if (cls == kOther) prev = 0;  // punctuation breaks two-word phrases
      ++i;
      continue;
    }
    uint64_t h = kWordHashSeed;  // WordHash of the lower-case word, built as it is read
    uint64_t head = 0;  // the part before a first hyphen: "twenty" of "twenty-three"
    size_t j = i;
    while (j < n) {
      const unsigned char d = p[j];
      if (kClass[d] == kLetter) h = TriggerIndex::Step(h, d | 0x20);
      else if (d == '-' && j + 1 < n && Letter(p[j + 1])) {
        if (!head) head = h;
        h = TriggerIndex::Step(h, d);
      } else break;
      ++j;
    }
    if (head) flags |= r.trigger_index.Find(head) & kTrigNumber;
    const size_t len = j - i;
    if (len == 2 && p[i] == 'I' && p[i + 1] == 'S' && !AllCapsWordNear(p, n, i, j)) flags |= kTrigTopic;
    i = j;
    if (len < 2 || len > 24) {
      prev = 0;
      continue;
    }
    const uint8_t found = r.trigger_index.Find(h);
    flags |= found;
    if (prev) flags |= r.trigger_index.Find(TriggerIndex::Pair(prev, h)) & (kTrigAnyTopic | kTrigCue);
    prev = (found & kTrigPairHead) ? h : 0;
  }
  return flags & (kTrigNumber | kTrigCue | kTrigAnyTopic);
}

}  // namespace ftf::extract
