#include "extract/evaluator.h"

#include <cmath>
#include <limits>

#include <fstream>
#include <sstream>

#include <fmt/core.h>
#include <fmt/format.h>

#include "claims/claim_json.h"
#include "extract/constructions.h"
#include "extract/sha256.h"

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

namespace {

// The text of a record: inline "text", else <texts_dir>/<id>.txt; nullopt when neither exists.
std::optional<std::string> RecordText(const nlohmann::json& j, const std::string& id, const EvalOptions& opts) {
  if (auto it = j.find("text"); it != j.end() && it->is_string()) return it->get<std::string>();
  if (opts.texts_dir.empty()) return std::nullopt;
  std::ifstream f(opts.texts_dir + "/" + id + ".txt", std::ios::binary);
  if (!f) return std::nullopt;
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void ScoreRecord(EvalSection& sec, EvalReport* lists, const std::string& id, const std::string& text,
                 const std::vector<Claim>& golds, const Extraction& ex, const RuleSet& rules, const Gazetteer& geo) {
  const std::vector<Claim>& preds = ex.claims;
  // The rule that decided each prediction's category (from the extractor's explanation).
  std::vector<std::string> rule_of(preds.size(), "unknown");
  for (const MentionDecision& d : ex.mentions)
    for (size_t ci : d.claims)
      if (ci < rule_of.size()) rule_of[ci] = d.category_rule;
  ++sec.passages;
  if (golds.empty()) {
    ++sec.negative_passages;
    if (!preds.empty()) {
      ++sec.negative_with_output;
      sec.negative_false_alarms += static_cast<int64_t>(preds.size());
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
    std::vector<std::string> tags = ConstructionsOf(text, g, rules, geo);
    if (match[gi] >= 0) {
      const Claim& p = preds[match[gi]];
      ++sec.overall.tp;
      ++sec.by_category[cat].tp;
      ++sec.by_qualifier[q].tp;
      ++sec.by_unit[u].tp;
      ++sec.by_rule[rule_of[match[gi]]].tp;
      for (const std::string& t : tags) ++sec.by_construction[t].tp;
      auto score = [](FieldScore& f, bool ok) {
        ++f.aligned;
        f.correct += ok;
      };
      score(sec.qualifier_matched, p.qualifier == g.qualifier);
      score(sec.attribution_strict, AttrStrict(g, p));
      score(sec.attribution_lenient, AttrLenient(g, p));
      score(sec.cue_overlap, Overlap(g, p) > 0);
    } else {
      ++sec.overall.fn;
      ++sec.by_category[cat].fn;
      ++sec.by_qualifier[q].fn;
      ++sec.by_unit[u].fn;
      for (const std::string& t : tags) ++sec.by_construction[t].fn;
      if (lists) lists->misses.push_back({id, g, fmt::format("{}", fmt::join(tags, ","))});
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
        ++sec.fields[name].aligned;
        sec.fields[name].correct += ok;
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
    ++sec.overall.fp;
    ++sec.by_category[std::string(Name(p.category))].fp;
    ++sec.by_qualifier[std::string(Name(p.qualifier))].fp;
    ++sec.by_unit[std::string(Name(p.unit))].fp;
    ++sec.by_rule[rule_of[pi]].fp;
    for (const std::string& t : ConstructionsOf(text, p, rules, geo)) ++sec.by_construction[t].fp;
    if (lists) lists->false_alarms.push_back({id, p, rule_of[pi]});
  }
}

}  // namespace

Result<EvalReport> Evaluate(std::string_view gold, const ClaimExtractor& extractor, const EvalOptions& opts) {
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
    std::string id = j.contains("id") && j["id"].is_string() ? j["id"].get<std::string>() : fmt::format("line{}", line);
    std::string split = j.contains("split") && j["split"].is_string() ? j["split"].get<std::string>() : "";
    if (!opts.only_split.empty() && split != opts.only_split) continue;
    std::optional<std::string> text = RecordText(j, id, opts);
    // A page text restored from elsewhere must be the very text the set was annotated on;
    // scoring a different text would move every number without saying why.
    if (auto it = j.find("text_sha256"); text && it != j.end() && it->is_string() &&
                                          Sha256Hex(*text) != it->get<std::string>())
      return Status::InvalidArgument(
          fmt::format("line {} ({}): text_sha256: the page text is not the one the set was annotated on", line, id));
    std::vector<Claim> golds;
    if (auto it = j.find("claims"); it != j.end()) {
      if (!it->is_array()) return Status::InvalidArgument(fmt::format("line {} ({}): claims: not an array", line, id));
      for (const auto& gj : *it) {
        auto c = ClaimFromJson(gj);
        if (!c.ok()) return c.status().WithContext(fmt::format("line {} ({})", line, id));
        Claim g = std::move(c).value();
        if (g.span && text &&
            (g.span->start < 0 || g.span->end > static_cast<int64_t>(text->size()) || g.span->start >= g.span->end ||
             text->compare(static_cast<size_t>(g.span->start), static_cast<size_t>(g.span->end - g.span->start),
                           g.cue) != 0))
          return Status::InvalidArgument(
              fmt::format("line {} ({}): span: [{}, {}) is not the cue '{}' in the text", line, id, g.span->start,
                          g.span->end, g.cue));
        if (!g.span && text) {
          size_t at = text->find(g.cue);
          if (!g.cue.empty() && at != std::string::npos)
            g.span = Span{static_cast<int64_t>(at), static_cast<int64_t>(at + g.cue.size())};
        }
        golds.push_back(std::move(g));
      }
    }
    if (!text) {
      ++rep.skipped_without_text;
      continue;
    }
    ExtractOptions eo;
    eo.as_of = j.contains("date") && j["date"].is_string() ? j["date"].get<std::string>() : "";
    eo.explain = true;
    eo.rerank = opts.rerank;
    Extraction ex = extractor.Extract(*text, eo);
    ScoreRecord(rep, &rep, id, *text, golds, ex, extractor.rules(), extractor.geo());
    if (!split.empty()) ScoreRecord(rep.splits[split], nullptr, id, *text, golds, ex, extractor.rules(), extractor.geo());
  }
  return rep;
}

namespace {

nlohmann::json Num(double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }
nlohmann::json CountsJson(const Counts& c) {
  return nlohmann::json{{"tp", c.tp},
                        {"fp", c.fp},
                        {"fn", c.fn},
                        {"precision", Num(c.Precision())},
                        {"recall", Num(c.Recall())},
                        {"f1", Num(c.F1())}};
}
nlohmann::json FieldJson(const FieldScore& f) {
  return nlohmann::json{{"aligned", f.aligned}, {"correct", f.correct}, {"accuracy", Num(f.Accuracy())}};
}

nlohmann::json SectionJson(const EvalSection& sec) {
  nlohmann::json j;
  j["overall"] = CountsJson(sec.overall);
  for (const auto& [k, v] : sec.by_category) j["by_category"][k] = CountsJson(v);
  for (const auto& [k, v] : sec.by_qualifier) j["by_qualifier"][k] = CountsJson(v);
  for (const auto& [k, v] : sec.by_unit) j["by_unit"][k] = CountsJson(v);
  for (const auto& [k, v] : sec.by_construction) j["by_construction"][k] = CountsJson(v);
  for (const auto& [k, v] : sec.by_rule) j["by_rule"][k] = CountsJson(v);
  for (const auto& [k, v] : sec.fields) j["fields"][k] = FieldJson(v);
  j["matched"] = {{"qualifier", FieldJson(sec.qualifier_matched)},
                  {"attribution_strict", FieldJson(sec.attribution_strict)},
                  {"attribution_lenient", FieldJson(sec.attribution_lenient)},
                  {"cue_overlap", FieldJson(sec.cue_overlap)}};
  j["passages"] = sec.passages;
  j["negative_passages"] = sec.negative_passages;
  j["negative_with_output"] = sec.negative_with_output;
  j["negative_false_alarms"] = sec.negative_false_alarms;
  return j;
}

std::string SectionText(const EvalSection& sec, const std::string& indent) {
  std::string s;
  const Counts& o = sec.overall;
  s += fmt::format("{}records {}  gold {}  predicted {}\n", indent, sec.passages, o.tp + o.fn, o.tp + o.fp);
  s += fmt::format("{}overall      precision {}  recall {}  F1 {}   (tp {} fp {} fn {})\n", indent, Pct(o.Precision()),
                   Pct(o.Recall()), Pct(o.F1()), o.tp, o.fp, o.fn);
  auto block = [&](const char* title, const std::map<std::string, Counts>& m) {
    s += fmt::format("{}{}:\n", indent, title);
    for (const auto& [k, c] : m)
      s += fmt::format("{}  {:<20} P {}  R {}  F1 {}  (tp {} fp {} fn {})\n", indent, k, Pct(c.Precision()),
                       Pct(c.Recall()), Pct(c.F1()), c.tp, c.fp, c.fn);
  };
  block("by category", sec.by_category);
  block("by qualifier", sec.by_qualifier);
  block("by unit", sec.by_unit);
  block("by construction (gold context for tp/fn, prediction context for fp)", sec.by_construction);
  block("by deciding rule (predictions only: fn not counted)", sec.by_rule);
  s += fmt::format("{}field accuracy on cue-aligned pairs:\n", indent);
  for (const auto& [k, f] : sec.fields)
    s += fmt::format("{}  {:<12} {}  ({}/{})\n", indent, k, Pct(f.Accuracy()), f.correct, f.aligned);
  s += fmt::format("{}on matched pairs: qualifier {}  attribution {} (lenient {})  cue overlap {}\n", indent,
                   Pct(sec.qualifier_matched.Accuracy()), Pct(sec.attribution_strict.Accuracy()),
                   Pct(sec.attribution_lenient.Accuracy()), Pct(sec.cue_overlap.Accuracy()));
  s += fmt::format("{}no-claim records {}: {} with output, {} false alarms\n", indent, sec.negative_passages,
                   sec.negative_with_output, sec.negative_false_alarms);
  return s;
}

}  // namespace

namespace {

void AddCounts(Counts& a, const Counts& b) {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
}
void AddField(FieldScore& a, const FieldScore& b) {
  a.aligned += b.aligned;
  a.correct += b.correct;
}
void AddSection(EvalSection& a, const EvalSection& b) {
  AddCounts(a.overall, b.overall);
  for (auto [m, n] : {std::pair{&a.by_category, &b.by_category}, {&a.by_qualifier, &b.by_qualifier},
                      {&a.by_unit, &b.by_unit}, {&a.by_construction, &b.by_construction}, {&a.by_rule, &b.by_rule}})
    for (const auto& [k, v] : *n) AddCounts((*m)[k], v);
  for (const auto& [k, v] : b.fields) AddField(a.fields[k], v);
  AddField(a.qualifier_matched, b.qualifier_matched);
  AddField(a.attribution_strict, b.attribution_strict);
  AddField(a.attribution_lenient, b.attribution_lenient);
  AddField(a.cue_overlap, b.cue_overlap);
  a.passages += b.passages;
  a.negative_passages += b.negative_passages;
  a.negative_with_output += b.negative_with_output;
  a.negative_false_alarms += b.negative_false_alarms;
}

}  // namespace

void Merge(EvalReport& into, const EvalReport& from) {
  AddSection(into, from);
  for (const auto& [k, v] : from.splits) AddSection(into.splits[k], v);
  into.skipped_without_text += from.skipped_without_text;
  into.misses.insert(into.misses.end(), from.misses.begin(), from.misses.end());
  into.false_alarms.insert(into.false_alarms.end(), from.false_alarms.begin(), from.false_alarms.end());
}

nlohmann::json EvalReport::ToJson() const {
  nlohmann::json j = SectionJson(*this);
  j["skipped_without_text"] = skipped_without_text;
  for (const auto& [k, v] : splits) j["splits"][k] = SectionJson(v);
  auto items = [](const std::vector<EvalItem>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (const EvalItem& it : v) {
      nlohmann::json c = ClaimToJson(it.claim);
      c["id"] = it.id;
      if (!it.why.empty()) c["why"] = it.why;
      a.push_back(c);
    }
    return a;
  };
  j["misses"] = items(misses);
  j["false_alarms"] = items(false_alarms);
  return j;
}

std::string EvalReport::ToText(bool details) const {
  std::string s = fmt::format("scored {} pages, skipped {} without text\n", passages, skipped_without_text);
  s += SectionText(*this, "");
  for (const auto& [k, v] : splits) {
    s += fmt::format("split {}:\n", k);
    s += SectionText(v, "  ");
  }
  if (!details) return s;
  s += fmt::format("misses ({}):\n", misses.size());
  for (const EvalItem& it : misses) s += fmt::format("  {}  {}  [{}]\n", it.id, Describe(it.claim), it.why);
  s += fmt::format("false alarms ({}):\n", false_alarms.size());
  for (const EvalItem& it : false_alarms) s += fmt::format("  {}  {}  [{}]\n", it.id, Describe(it.claim), it.why);
  return s;
}

}  // namespace ftf::extract
