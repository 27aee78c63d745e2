#include "extract/evaluator.h"

#include <cmath>
#include <limits>

#include <fmt/core.h>

#include "claims/claim_json.h"

namespace ftf::extract {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool Close(double x, double y) { return std::abs(x - y) <= 0.01 * std::max(std::abs(x), std::abs(y)); }
bool CloseOpt(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a && !b) return true;
  if (!a || !b) return false;
  return Close(*a, *b);
}

bool SameKey(const Claim& a, const Claim& b) {
  return a.category == b.category && a.subgroup == b.subgroup && a.scope == b.scope && a.unit == b.unit;
}

int64_t Overlap(const Claim& a, const Claim& b) {
  if (!a.span || !b.span) return 0;
  return std::max<int64_t>(0, std::min(a.span->end, b.span->end) - std::max(a.span->start, b.span->start));
}

std::string NormName(std::optional<std::string> s) {
  if (!s) return "\x01null";
  std::string out;
  for (char c : *s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (out.rfind("the ", 0) == 0) out = out.substr(4);
  while (!out.empty() && std::ispunct(static_cast<unsigned char>(out.back()))) out.pop_back();
  return out;
}

bool AttrStrict(const Claim& g, const Claim& p) { return NormName(g.attributed_to) == NormName(p.attributed_to); }
bool AttrLenient(const Claim& g, const Claim& p) {
  std::string a = NormName(g.attributed_to), b = NormName(p.attributed_to);
  if (a == b) return true;
  if (!g.attributed_to || !p.attributed_to) return false;
  return a.find(b) != std::string::npos || b.find(a) != std::string::npos;
}

std::string Pct(double v) { return std::isnan(v) ? "n/a" : fmt::format("{:.3f}", v); }

std::string Describe(const Claim& c) {
  auto num = [](const std::optional<double>& v) { return v ? fmt::format("{}", *v) : std::string("·"); };
  return fmt::format("{} {} {} {} [{} {} {}] {} by {} «{}»", Name(c.category), Name(c.subgroup), c.scope, Name(c.unit),
                     num(c.low), num(c.best), num(c.high), Name(c.qualifier), c.attributed_to.value_or("null"), c.cue);
}

}  // namespace

double Counts::Precision() const { return tp + fp == 0 ? kNaN : static_cast<double>(tp) / static_cast<double>(tp + fp); }
double Counts::Recall() const { return tp + fn == 0 ? kNaN : static_cast<double>(tp) / static_cast<double>(tp + fn); }
double Counts::F1() const {
  double p = Precision(), r = Recall();
  if (std::isnan(p) || std::isnan(r) || p + r == 0) return kNaN;
  return 2 * p * r / (p + r);
}
double FieldScore::Accuracy() const { return aligned == 0 ? kNaN : static_cast<double>(correct) / static_cast<double>(aligned); }

bool IntervalsAgree(const Claim& a, const Claim& b) {
  if (a.best && b.best) return Close(*a.best, *b.best);
  if (a.best || b.best) return false;
  return CloseOpt(a.low, b.low) && CloseOpt(a.high, b.high);
}

Result<EvalReport> Evaluate(std::string_view gold, const ClaimExtractor& extractor) {
  EvalReport rep;
  size_t pos = 0;
  int line = 0;
  while (pos < gold.size()) {
    size_t nl = gold.find('\n', pos);
    if (nl == std::string_view::npos) nl = gold.size();
    std::string_view l = gold.substr(pos, nl - pos);
    pos = nl + 1;
    ++line;
    if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    nlohmann::json j = nlohmann::json::parse(l, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument(fmt::format("line {}: not a JSON object", line));
    std::string id = j.value("id", fmt::format("line{}", line));
    std::string text = j.value("text", "");
    std::vector<Claim> golds;
    if (auto it = j.find("claims"); it != j.end() && it->is_array()) {
      for (const auto& gj : *it) {
        auto c = ClaimFromJson(gj);
        if (!c.ok()) return c.status().WithContext(fmt::format("line {} ({})", line, id));
        Claim g = std::move(c).value();
        size_t at = text.find(g.cue);
        if (!g.cue.empty() && at != std::string::npos)
          g.span = Span{static_cast<int64_t>(at), static_cast<int64_t>(at + g.cue.size())};
        golds.push_back(std::move(g));
      }
    }
    ExtractOptions opts;
    opts.as_of = j.value("date", "");
    std::vector<Claim> preds = extractor.Extract(text, opts).claims;
    ++rep.passages;
    if (golds.empty()) {
      ++rep.negative_passages;
      if (!preds.empty()) {
        ++rep.negative_with_output;
        rep.negative_false_alarms += static_cast<int64_t>(preds.size());
      }
    }
    std::vector<bool> used(preds.size(), false);
    std::vector<int> match(golds.size(), -1);
    for (size_t gi = 0; gi < golds.size(); ++gi) {
      int best = -1;
      int64_t best_overlap = -1;
      for (size_t pi = 0; pi < preds.size(); ++pi) {
        if (used[pi] || !SameKey(golds[gi], preds[pi]) || !IntervalsAgree(golds[gi], preds[pi])) continue;
        int64_t ov = Overlap(golds[gi], preds[pi]);
        if (ov > best_overlap) {
          best = static_cast<int>(pi);
          best_overlap = ov;
        }
      }
      if (best >= 0) {
        used[best] = true;
        match[gi] = best;
      }
    }
    for (size_t gi = 0; gi < golds.size(); ++gi) {
      const Claim& g = golds[gi];
      std::string cat(Name(g.category)), q(Name(g.qualifier)), u(Name(g.unit));
      if (match[gi] >= 0) {
        const Claim& p = preds[match[gi]];
        ++rep.overall.tp;
        ++rep.by_category[cat].tp;
        ++rep.by_qualifier[q].tp;
        ++rep.by_unit[u].tp;
        auto score = [](FieldScore& f, bool ok) {
          ++f.aligned;
          f.correct += ok;
        };
        score(rep.qualifier_matched, p.qualifier == g.qualifier);
        score(rep.attribution_strict, AttrStrict(g, p));
        score(rep.attribution_lenient, AttrLenient(g, p));
        score(rep.cue_overlap, Overlap(g, p) > 0);
      } else {
        ++rep.overall.fn;
        ++rep.by_category[cat].fn;
        ++rep.by_qualifier[q].fn;
        ++rep.by_unit[u].fn;
        rep.misses.push_back({id, g});
      }
      // Span alignment for field accuracies: the prediction overlapping the gold cue that agrees
      // on the most fields.
      int aligned = -1;
      int best_agree = -1;
      for (size_t pi = 0; pi < preds.size(); ++pi) {
        if (Overlap(g, preds[pi]) <= 0) continue;
        const Claim& p = preds[pi];
        int agree = (p.category == g.category) + (p.scope == g.scope) + (p.subgroup == g.subgroup) +
                    (p.unit == g.unit) + IntervalsAgree(g, p);
        if (agree > best_agree) {
          best_agree = agree;
          aligned = static_cast<int>(pi);
        }
      }
      if (aligned >= 0) {
        const Claim& p = preds[aligned];
        auto f = [&](const char* name, bool ok) {
          ++rep.fields[name].aligned;
          rep.fields[name].correct += ok;
        };
        f("category", p.category == g.category);
        f("subgroup", p.subgroup == g.subgroup);
        f("scope", p.scope == g.scope);
        f("unit", p.unit == g.unit);
        f("qualifier", p.qualifier == g.qualifier);
        f("interval", IntervalsAgree(g, p));
        f("attribution", AttrStrict(g, p));
      }
    }
    for (size_t pi = 0; pi < preds.size(); ++pi) {
      if (used[pi]) continue;
      const Claim& p = preds[pi];
      ++rep.overall.fp;
      ++rep.by_category[std::string(Name(p.category))].fp;
      ++rep.by_qualifier[std::string(Name(p.qualifier))].fp;
      ++rep.by_unit[std::string(Name(p.unit))].fp;
      rep.false_alarms.push_back({id, p});
    }
  }
  return rep;
}

nlohmann::json EvalReport::ToJson() const {
  auto num = [](double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); };
  auto counts = [&](const Counts& c) {
    return nlohmann::json{{"tp", c.tp},
                          {"fp", c.fp},
                          {"fn", c.fn},
                          {"precision", num(c.Precision())},
                          {"recall", num(c.Recall())},
                          {"f1", num(c.F1())}};
  };
  auto field = [&](const FieldScore& f) {
    return nlohmann::json{{"aligned", f.aligned}, {"correct", f.correct}, {"accuracy", num(f.Accuracy())}};
  };
  nlohmann::json j;
  j["overall"] = counts(overall);
  for (const auto& [k, v] : by_category) j["by_category"][k] = counts(v);
  for (const auto& [k, v] : by_qualifier) j["by_qualifier"][k] = counts(v);
  for (const auto& [k, v] : by_unit) j["by_unit"][k] = counts(v);
  for (const auto& [k, v] : fields) j["fields"][k] = field(v);
  j["matched"] = {{"qualifier", field(qualifier_matched)},
                  {"attribution_strict", field(attribution_strict)},
                  {"attribution_lenient", field(attribution_lenient)},
                  {"cue_overlap", field(cue_overlap)}};
  j["passages"] = passages;
  j["negative_passages"] = negative_passages;
  j["negative_with_output"] = negative_with_output;
  j["negative_false_alarms"] = negative_false_alarms;
  auto items = [](const std::vector<EvalItem>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (const EvalItem& it : v) {
      nlohmann::json c = ClaimToJson(it.claim);
      c["id"] = it.id;
      a.push_back(c);
    }
    return a;
  };
  j["misses"] = items(misses);
  j["false_alarms"] = items(false_alarms);
  return j;
}

std::string EvalReport::ToText() const {
  std::string s;
  s += fmt::format("passages {}  gold {}  predicted {}\n", passages, overall.tp + overall.fn, overall.tp + overall.fp);
  s += fmt::format("overall      precision {}  recall {}  F1 {}   (tp {} fp {} fn {})\n", Pct(overall.Precision()),
                   Pct(overall.Recall()), Pct(overall.F1()), overall.tp, overall.fp, overall.fn);
  auto block = [&](const char* title, const std::map<std::string, Counts>& m) {
    s += fmt::format("{}:\n", title);
    for (const auto& [k, c] : m)
      s += fmt::format("  {:<12} P {}  R {}  F1 {}  (tp {} fp {} fn {})\n", k, Pct(c.Precision()), Pct(c.Recall()),
                       Pct(c.F1()), c.tp, c.fp, c.fn);
  };
  block("by category", by_category);
  block("by qualifier", by_qualifier);
  block("by unit", by_unit);
  s += "field accuracy on cue-aligned pairs:\n";
  for (const auto& [k, f] : fields) s += fmt::format("  {:<12} {}  ({}/{})\n", k, Pct(f.Accuracy()), f.correct, f.aligned);
  s += fmt::format("on matched pairs: qualifier {}  attribution {} (lenient {})  cue overlap {}\n",
                   Pct(qualifier_matched.Accuracy()), Pct(attribution_strict.Accuracy()),
                   Pct(attribution_lenient.Accuracy()), Pct(cue_overlap.Accuracy()));
  s += fmt::format("negative passages {}: {} with output, {} false alarms\n", negative_passages, negative_with_output,
                   negative_false_alarms);
  s += fmt::format("misses ({}):\n", misses.size());
  for (const EvalItem& it : misses) s += fmt::format("  {}  {}\n", it.id, Describe(it.claim));
  s += fmt::format("false alarms ({}):\n", false_alarms.size());
  for (const EvalItem& it : false_alarms) s += fmt::format("  {}  {}\n", it.id, Describe(it.claim));
  return s;
}

}  // namespace ftf::extract
