#include "extract/number_grammar.h"

#include <cmath>

namespace ftf::extract {
namespace {

// The number word a token is ("seven", "million"), or nullptr.
const NumberWord* NumberWordAt(const RuleSet& r, const Token& t) { return r.number_word_index.Find(t.norm, t.hash); }

bool IsScaleWord(const RuleSet& r, const Token& t) {
  const NumberWord* w = NumberWordAt(r, t);
  return w && w->kind == NumberWord::Kind::kScale;
}

bool IsPercentAt(const std::vector<Token>& t, size_t i, size_t* end) {
  if (i >= t.size()) return false;
  if (t[i].norm == "%" || t[i].norm == "percent" || t[i].norm == "pc") {
    *end = i + 1;
    return true;
  }
  if (t[i].norm == "per" && i + 1 < t.size() && t[i + 1].norm == "cent") {
    *end = i + 2;
    return true;
  }
  return false;
}

struct Value {
  double v = 0;
  size_t end = 0;
  bool approx = false;  // "a dozen"
  bool words = false;
  bool year = false;
};

// Number words: "seven", "twenty-five", "two thousand", "a dozen", "two dozen", "a hundred".
std::optional<Value> ParseWords(const std::vector<Token>& t, size_t i, const RuleSet& r) {
  size_t j = i;
  double total = 0, current = 0;
  bool any = false, approx = false;
  if (j < t.size() && t[j].norm == "a" && j + 1 < t.size()) {
    const NumberWord* nw = NumberWordAt(r, t[j + 1]);
    if (nw && (nw->kind == NumberWord::Kind::kScale || nw->kind == NumberWord::Kind::kDozen)) {
      current = 1;
      any = true;
      ++j;
    } else {
      return std::nullopt;
    }
  }
  while (j < t.size()) {
    const NormWord& w = t[j].norm;
    double add = -1;
    // "twenty-five"
    size_t dash = w.find('-');
    if (dash != std::string::npos) {
      const std::string_view ws = w;
      const NumberWord* a = r.number_word_index.Find(ws.substr(0, dash));
      const NumberWord* b = r.number_word_index.Find(ws.substr(dash + 1));
      if (a && b && a->kind == NumberWord::Kind::kTens && b->kind == NumberWord::Kind::kUnit && b->value < 10) {
        add = a->value + b->value;
      } else {
        break;
      }
    }
    if (add >= 0) {
      current += add;
      any = true;
      ++j;
      continue;
    }
    const NumberWord* found = NumberWordAt(r, t[j]);
    if (!found) {
      if (w == "and" && any && j + 1 < t.size() && NumberWordAt(r, t[j + 1]) && current >= 100) {
        ++j;  // "two hundred and fifty"
        continue;
      }
      break;
    }
    const NumberWord& nw = *found;
    switch (nw.kind) {
      case NumberWord::Kind::kUnit:
      case NumberWord::Kind::kTens:
        if (any && current > 0 && std::fmod(current, 100) != 0 && nw.kind == NumberWord::Kind::kUnit &&
            current >= 20 && std::fmod(current, 10) != 0)
          goto done;
        if (any && current > 0 && current < 20) goto done;  // "five six" is not a number
        current += nw.value;
        break;
      case NumberWord::Kind::kScale:
        if (!any) goto done;
        if (nw.value >= 1000) {
          total += (current == 0 ? 1 : current) * nw.value;
          current = 0;
        } else {
          current = (current == 0 ? 1 : current) * nw.value;
        }
        break;
      case NumberWord::Kind::kDozen:
        if (!any) current = 1;
        current *= nw.value;
        approx = true;
        break;
    }
    any = true;
    ++j;
  }
done:
  if (!any || j == i) return std::nullopt;
  Value v;
  v.v = total + current;
  v.end = j;
  v.approx = approx;
  v.words = true;
  if (v.v == 0) return std::nullopt;
  return v;
}

std::optional<Value> ParseValue(const std::vector<Token>& t, size_t i, const RuleSet& r) {
  if (i >= t.size()) return std::nullopt;
  if (t[i].kind == TokKind::kNumber) {
    size_t j = i + 1;
    std::string digits = t[i].norm;
    bool plain = digits.find_first_of(",.") == std::string::npos;
    // "5 600": a space-separated thousands group.
    while (plain && digits.size() <= 3 && j < t.size() && t[j].kind == TokKind::kNumber && t[j].space_before &&
           t[j].norm.size() == 3 && t[j].norm.find_first_of(",.") == std::string::npos &&
           t[j].start == t[j - 1].end + 1) {
      digits += t[j].norm;
      ++j;
    }
    size_t pe = 0;
    bool scale_next = j < t.size() && IsScaleWord(r, t[j]);
    bool pct_next = IsPercentAt(t, j, &pe);
    auto d = ParseDigits(digits, scale_next || pct_next);
    if (!d) return std::nullopt;
    Value v;
    v.v = *d;
    v.year = plain && j == i + 1 && digits.size() == 4 && *d >= 1900 && *d <= 2100;
    if (scale_next) {
      v.v *= NumberWordAt(r, t[j])->value;
      v.year = false;
      ++j;
    }
    v.end = j;
    return v;
  }
  return ParseWords(t, i, r);
}

}  // namespace

std::optional<double> ParseDigits(const std::string& s, bool before_scale_or_percent) {
  if (s.empty()) return std::nullopt;
  if (s.size() > 1 && s[0] == '0' && s[1] != '.' && s[1] != ',') return std::nullopt;  // a code
  size_t comma = s.find(',');
  std::string clean;
  if (comma != std::string::npos) {
    // Groups after the first comma must have three digits (up to a decimal point).
    size_t first = comma;
    if (first == 0 || first > 3) return std::nullopt;
    size_t dot = s.find('.');
    std::string intpart = s.substr(0, dot);
    size_t pos = first;
    while (pos < intpart.size()) {
      size_t next = intpart.find(',', pos + 1);
      size_t len = (next == std::string::npos ? intpart.size() : next) - pos - 1;
      if (len != 3) return std::nullopt;
      pos = next == std::string::npos ? intpart.size() : next;
    }
    for (char c : intpart)
      if (c != ',') clean += c;
    if (dot != std::string::npos) clean += s.substr(dot);
    return std::strtod(clean.c_str(), nullptr);
  }
  size_t dot = s.find('.');
  if (dot != std::string::npos) {
    size_t dots = 0;
    for (char c : s) dots += c == '.';
    bool groups_of_three = true;
    size_t pos = dot;
    while (pos != std::string::npos) {
      size_t next = s.find('.', pos + 1);
      size_t len = (next == std::string::npos ? s.size() : next) - pos - 1;
      if (len != 3) groups_of_three = false;
      pos = next;
    }
    // "5.600 fighters": a dot before exactly three digits is a thousands separator, because a
    // fraction of a person is meaningless; "1.5 million" and "4.5 percent" are decimals.
    if (groups_of_three && dot <= 3 && (dots > 1 || !before_scale_or_percent)) {
      for (char c : s)
        if (c != '.') clean += c;
      return std::strtod(clean.c_str(), nullptr);
    }
    if (dots > 1) return std::nullopt;
  }
  return std::strtod(s.c_str(), nullptr);
}

std::vector<NumExpr> FindNumbers(const std::vector<Token>& t, const RuleSet& r) {
  std::vector<NumExpr> out;
  const size_t n = t.size();
  // Digit runs separated by single spaces that are not a thousands grouping are codes.
  std::vector<bool> code(n, false);
  for (size_t i = 0; i + 1 < n; ++i) {
    if (t[i].kind == TokKind::kNumber && t[i + 1].kind == TokKind::kNumber && t[i + 1].space_before) {
      bool grouping = t[i].norm.size() <= 3 && t[i + 1].norm.size() == 3 && (i == 0 || t[i - 1].kind != TokKind::kNumber) &&
                      t[i].norm[0] != '0';
      if (!grouping) {
        size_t k = i;
        while (k < n && t[k].kind == TokKind::kNumber) code[k++] = true;
        i = k;
      }
    }
  }
  size_t i = 0;
  while (i < n) {
    NumExpr e;
    e.begin = i;
    size_t j = i;
    bool between = false, from = false;
    if (t[j].norm == "between" || t[j].norm == "somewhere") {
      size_t k = j + (t[j].norm == "somewhere" ? 1 : 0);
      if (k < n && t[k].norm == "between") {
        between = true;
        j = k + 1;
      }
    } else if (t[j].norm == "from" && j + 1 < n && (t[j + 1].kind == TokKind::kNumber || NumberWordAt(r, t[j + 1]))) {
      from = true;
      j = j + 1;
    }
    std::optional<HedgeRule> hedge;
    if (!between && !from) {
      if (auto h = r.hedges.Match(t, j, n); h && !h->first->post) {
        j = h->second;
        // An `exact` row is a look-alike that is no hedge ("handed over 148 women": a verb's
        // particle): the number is bare and the words stay out of its cue.
        if (h->first->qualifier == Qualifier::kExact) e.begin = j;
        else hedge = *h->first;
      }
    }
    // Vague quantities.
    if (!between && !from) {
      if (auto v = r.vague.Match(t, j, n)) {
        e.kind = NumKind::kVague;
        e.core_begin = j;
        e.core_end = v->second;
        e.qualifier = Qualifier::kVague;
        e.low = v->first->low;
        e.high = v->first->high;
        e.end = v->second;
        e.hedged = hedge.has_value();
        out.push_back(e);
        i = e.end;
        continue;
      }
      // Fractions: "a quarter", "half", "one in five", "two-thirds".
      std::optional<double> frac;
      size_t fend = 0;
      if (auto f = r.fractions.Match(t, j, n)) {
        frac = *f->first;
        fend = f->second;
      } else if (j + 2 < n && (t[j].norm == "one" || t[j].norm == "1") && t[j + 1].norm == "in") {
        if (auto d = ParseValue(t, j + 2, r); d && d->v >= 2 && d->v <= 100) {
          frac = std::round(1000.0 / d->v) / 1000.0;
          fend = d->end;
        }
      }
      if (frac) {
        e.kind = NumKind::kFraction;
        e.core_begin = j;
        e.core_end = fend;
        e.end = fend;
        e.hedged = hedge.has_value();
        Qualifier q = hedge ? hedge->qualifier : Qualifier::kApprox;
        e.qualifier = q;
        switch (q) {
          case Qualifier::kAtLeast:
          case Qualifier::kMoreThan: e.low = *frac; break;
          case Qualifier::kAtMost:
          case Qualifier::kFewerThan: e.high = *frac; break;
          default: e.qualifier = Qualifier::kApprox; e.best = *frac; break;
        }
        out.push_back(e);
        i = e.end;
        continue;
      }
    }
    if (j < n && code[j]) {
      i = j + 1;
      continue;
    }
    auto a = ParseValue(t, j, r);
    if (!a) {
      ++i;
      continue;
    }
    // Bare "one" is a pronoun or "one of the ..." far more often than a count.
    if (a->words && a->v == 1 && !a->approx) {
      i = a->end;
      continue;
    }
    e.core_begin = j;
    e.word_number = a->words;
    size_t k = a->end;
    bool pct = false;
    size_t pe = 0;
    if (IsPercentAt(t, k, &pe)) {
      pct = true;
      k = pe;
    }
    // Ranges.
    std::optional<Value> b;
    size_t bend = k;
    auto try_second = [&](size_t at) -> bool {
      auto v = ParseValue(t, at, r);
      if (!v || v->v <= a->v) return false;
      b = v;
      bend = v->end;
      size_t pe2 = 0;
      if (IsPercentAt(t, bend, &pe2)) {
        pct = true;
        bend = pe2;
      }
      return true;
    };
    // An approximation hedge before a range hedges the range, which is already an interval:
    // "around 5,000-6,000", "some six to eight", "an estimated 12 to 30" are ranges. A bound
    // ("up to 5-6", "more than 10 to 15") is left alone: its direction would be lost.
    const bool range_ok = !hedge || hedge->qualifier == Qualifier::kApprox;
    // "between 218-654", "between 15 to 20 percent": "between" with a dash or "to".
    if (between && k < n && (t[k].norm == "and" || t[k].norm == "-" || t[k].norm == "to")) try_second(k + 1);
    else if (from && k < n && t[k].norm == "to") try_second(k + 1);
    else if (!between && !from && k < n && (t[k].norm == "-" || t[k].norm == "to") && range_ok) try_second(k + 1);
    else if (!between && !from && hedge && hedge->qualifier == Qualifier::kAtLeast && k + 1 < n && t[k].norm == "and") {
      // "at least 78 and possibly as many as 90"
      size_t m = k + 1;
      if (m < n && (t[m].norm == "possibly" || t[m].norm == "perhaps" || t[m].norm == "maybe")) ++m;
      if (auto h2 = r.hedges.Match(t, m, n); h2 && h2->first->qualifier == Qualifier::kAtMost) try_second(h2->second);
    }
    if ((between || from) && !b) {
      // "between" without a second number: not a range; parse the number alone.
      e.begin = j;
    }
    // Percentages are divided, not multiplied by 0.01, so "35%" is the double nearest 0.35.
    const double scale = pct ? 100.0 : 1.0;
    e.kind = pct ? NumKind::kPercent : NumKind::kCount;
    if (b) {
      e.qualifier = Qualifier::kRange;
      e.low = a->v / scale;
      e.high = b->v / scale;
      e.core_end = bend;
      e.end = bend;
      e.year = a->year && b->year;
    } else {
      e.core_end = k;
      e.end = k;
      e.year = a->year && !pct;
      Qualifier q = hedge ? hedge->qualifier : (a->approx ? Qualifier::kApprox : Qualifier::kExact);
      // "N or so", "N or more"
      if (auto h = r.hedges.Match(t, e.end, n); h && h->first->post) {
        q = h->first->qualifier;
        e.end = h->second;
        hedge = *h->first;
      }
      e.qualifier = q;
      double v = a->v / scale;
      switch (q) {
        case Qualifier::kAtLeast:
        case Qualifier::kMoreThan: e.low = v; break;
        case Qualifier::kAtMost:
        case Qualifier::kFewerThan: e.high = v; break;
        default: e.best = v; break;
      }
    }
    e.hedged = hedge.has_value();
    out.push_back(e);
    i = e.end;
  }
  return out;
}

}  // namespace ftf::extract
