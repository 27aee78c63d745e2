#include "report/pending_diff.h"

#include <map>
#include <tuple>

#include "report/fusion_view.h"
#include "report/ledger_view.h"

namespace ftf {
namespace {

using KeyTuple = std::tuple<std::string, int, int, int>;
KeyTuple Tuple(const LedgerKey& k) {
  return {k.scope, static_cast<int>(k.category), static_cast<int>(k.subgroup), static_cast<int>(k.unit)};
}

bool SameFigure(const Estimate& a, const Estimate& b) {
  const Interval& x = a.interval;
  const Interval& y = b.interval;
  return x.low == y.low && x.high == y.high && x.low_strict == y.low_strict && x.high_strict == y.high_strict &&
         x.best == y.best && a.conflict == b.conflict;
}

std::string Compact(const std::optional<Estimate>& e) {
  if (!e) return "—";
  FusionResult one;
  one.estimates.push_back(*e);
  std::vector<LedgerEntry> entries = ToLedgerEntries(one);
  return entries.empty() ? "—" : CompactFigure(entries.front());
}

}  // namespace

std::vector<LedgerChange> DiffLedgers(const FusionResult& accepted, const FusionResult& with_pending) {
  std::map<KeyTuple, LedgerChange> by_key;
  for (const Estimate& e : accepted.estimates) {
    LedgerChange& c = by_key[Tuple(e.key)];
    c.key = e.key;
    c.before = e;
  }
  for (const Estimate& e : with_pending.estimates) {
    LedgerChange& c = by_key[Tuple(e.key)];
    c.key = e.key;
    c.after = e;
  }
  std::vector<LedgerChange> out;
  for (auto& [k, c] : by_key) {
    if (c.before && c.after && SameFigure(*c.before, *c.after)) continue;
    out.push_back(std::move(c));
  }
  return out;
}

Table LedgerChangesTable(const std::vector<LedgerChange>& changes) {
  Table t({"Scope", "Category", "Subgroup", "Accepted", "With pending", "Change"},
          {Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kLeft});
  for (const LedgerChange& c : changes) {
    const char* what = !c.before ? "new figure" : !c.after ? "figure goes" : "changed";
    t.AddRow({c.key.scope, std::string(Name(c.key.category)), std::string(Name(c.key.subgroup)), Compact(c.before),
              Compact(c.after), what});
  }
  return t;
}

nlohmann::json LedgerChangesJson(const std::vector<LedgerChange>& changes) {
  nlohmann::json arr = nlohmann::json::array();
  for (const LedgerChange& c : changes)
    arr.push_back({{"scope", c.key.scope},
                   {"category", Name(c.key.category)},
                   {"subgroup", Name(c.key.subgroup)},
                   {"unit", Name(c.key.unit)},
                   {"before", c.before ? EstimateJson(*c.before) : nlohmann::json(nullptr)},
                   {"after", c.after ? EstimateJson(*c.after) : nlohmann::json(nullptr)}});
  return arr;
}

}  // namespace ftf
