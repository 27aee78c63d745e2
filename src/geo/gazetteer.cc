#include "geo/gazetteer.h"

#include <algorithm>
#include <mutex>

#include <utf8proc.h>

#include <fmt/format.h>

#include "core/csv.h"
#include "core/embedded_data.h"
#include "core/utf8.h"

namespace ftf {
namespace {

// Acronyms match case-sensitively: no space, at most six bytes, two or more capitals
// ("US", "U.K.", "EU", "KSA", "BiH").
bool IsAcronym(std::string_view form) {
  if (form.size() > 6 || form.find(' ') != std::string_view::npos) return false;
  int upper = 0;
  for (char c : form) {
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (!(c == '.' || (c >= 'a' && c <= 'z'))) return false;
  }
  return upper >= 2;
}

std::string_view StripThe(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.size() > 4 && (s.substr(0, 4) == "the " || s.substr(0, 4) == "The " || s.substr(0, 4) == "THE "))
    s.remove_prefix(4);
  return s;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

Result<std::vector<Region>> ParseRegions(std::string_view text, const std::string& name, bool adhoc) {
  FTF_ASSIGN_OR_RETURN(CsvTable t, CsvTable::Parse(text, name));
  std::vector<Region> out;
  for (const auto& rec : t.records()) {
    Region r;
    r.id = t.Get(rec, "region_id");
    r.scope = t.Get(rec, "scope");
    r.name = t.Get(rec, "name");
    r.aliases = SplitList(t.Get(rec, "aliases"));
    r.members = SplitList(t.Get(rec, "members"));
    r.adhoc = adhoc;
    if (r.id.empty() || r.scope.empty())
      return Status::Corruption(fmt::format("{}:{}: region_id/scope: empty", name, rec.line));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

const Gazetteer& Gazetteer::Bundled() {
  static const Gazetteer* g = [] {
    auto get = [](const char* p) {
      auto d = embedded::Find(p);
      return d ? *d : std::string_view();
    };
    auto r = Load(get("data/geo/countries.csv"), get("data/geo/regions.csv"), get("data/geo/subnational.csv"),
                  get("data/geo/groups.csv"));
    if (!r.ok()) {
      fmt::print(stderr, "ftfwatch: bundled gazetteer is broken: {}\n", r.status().message());
      std::abort();
    }
    return r.value().release();
  }();
  return *g;
}

void Gazetteer::AddForm(const std::string& form, Target t) {
  if (form.empty()) return;
  const bool acronym = IsAcronym(form);
  std::string key = acronym ? form : Fold(form);
  auto& map = acronym ? acronym_forms_ : folded_forms_;
  if (map.count(key)) return;  // first wins: names before aliases before demonyms
  map.emplace(key, t);
  auto& trie = acronym ? acronym_trie_ : folded_trie_;
  int32_t node = 0;
  for (unsigned char c : key) {
    int32_t child = trie.Child(node, c);
    if (child == HashIndex::kAbsent) {
      child = static_cast<int32_t>(trie.target.size());
      trie.target.push_back(-1);
      trie.AddChild(node, c, child);
    }
    node = child;
  }
  trie_targets_.push_back(t);
  trie.target[static_cast<size_t>(node)] = static_cast<int32_t>(trie_targets_.size() - 1);
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(std::string_view countries_csv, std::string_view regions_csv,
                                                   std::string_view subnational_csv, std::string_view groups_csv) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  FTF_ASSIGN_OR_RETURN(CsvTable ct, CsvTable::Parse(countries_csv, "countries.csv"));
  for (const auto& rec : ct.records()) {
    Country c;
    c.iso3 = ct.Get(rec, "iso3");
    c.iso2 = ct.Get(rec, "iso2");
    c.m49 = ct.Get(rec, "m49");
    c.name = ct.Get(rec, "name");
    c.official_name = ct.Get(rec, "official_name");
    c.aliases = SplitList(ct.Get(rec, "aliases"));
    c.demonyms = SplitList(ct.Get(rec, "demonyms"));
    c.un_region = ct.Get(rec, "un_region");
    c.un_subregion = ct.Get(rec, "un_subregion");
    std::string pop(ct.Get(rec, "population"));
    if (!pop.empty()) c.population = std::stod(pop);
    std::string year(ct.Get(rec, "population_year"));
    if (!year.empty()) c.population_year = std::stoi(year);
    if (c.iso3.size() != 3 || c.name.empty())
      return Status::Corruption(fmt::format("countries.csv:{}: iso3/name: bad row", rec.line));
    g->countries_.push_back(std::move(c));
  }
  FTF_ASSIGN_OR_RETURN(g->regions_, ParseRegions(regions_csv, "regions.csv", false));
  if (!groups_csv.empty()) {
    FTF_ASSIGN_OR_RETURN(auto groups, ParseRegions(groups_csv, "groups.csv", true));
    for (auto& r : groups) g->regions_.push_back(std::move(r));
  }
  if (!subnational_csv.empty()) {
    FTF_ASSIGN_OR_RETURN(CsvTable st, CsvTable::Parse(subnational_csv, "subnational.csv"));
    for (const auto& rec : st.records()) {
      Subnational s;
      s.name = st.Get(rec, "name");
      s.aliases = SplitList(st.Get(rec, "aliases"));
      s.demonyms = SplitList(st.Get(rec, "demonyms"));
      s.iso3 = st.Get(rec, "iso3");
      s.theatre = st.Get(rec, "role") == "theatre";
      g->subnational_.push_back(std::move(s));
    }
  }
  // Codes and scope names.
  for (size_t i = 0; i < g->countries_.size(); ++i) {
    const Country& c = g->countries_[i];
    for (const auto& code : {c.iso3, c.iso2, c.m49})
      if (!code.empty()) g->by_code_.emplace(code, static_cast<int>(i));
  }
  for (size_t i = 0; i < g->regions_.size(); ++i) g->by_scope_.emplace(g->regions_[i].scope, static_cast<int>(i));
  for (const auto& s : g->subnational_)
    if (!g->by_code_.count(s.iso3))
      return Status::Corruption(fmt::format("subnational.csv: {}: unknown iso3 {}", s.name, s.iso3));
  for (const auto& r : g->regions_)
    for (const auto& m : r.members)
      if (!g->by_code_.count(m))
        return Status::Corruption(fmt::format("regions: {}: unknown member {}", r.id, m));

  // Text forms, in priority order: names, then aliases, then demonyms.
  using K = PlaceMention::Kind;
  for (size_t i = 0; i < g->countries_.size(); ++i) {
    const Country& c = g->countries_[i];
    g->AddForm(c.name, {K::kCountry, static_cast<int>(i), false});
    g->all_names_.push_back(c.name);
  }
  for (size_t i = 0; i < g->regions_.size(); ++i) {
    if (g->regions_[i].adhoc) continue;
    g->AddForm(g->regions_[i].scope, {K::kRegion, static_cast<int>(i), false});
    g->all_names_.push_back(g->regions_[i].scope);
  }
  for (size_t i = 0; i < g->subnational_.size(); ++i) {
    g->AddForm(g->subnational_[i].name, {K::kSubnational, static_cast<int>(i), false});
    g->all_names_.push_back(g->subnational_[i].name);
  }
  for (size_t i = 0; i < g->countries_.size(); ++i)
    for (const auto& a : g->countries_[i].aliases) g->AddForm(a, {K::kCountry, static_cast<int>(i), false});
  for (size_t i = 0; i < g->regions_.size(); ++i)
    if (!g->regions_[i].adhoc)
      for (const auto& a : g->regions_[i].aliases) g->AddForm(a, {K::kRegion, static_cast<int>(i), false});
  for (size_t i = 0; i < g->subnational_.size(); ++i)
    for (const auto& a : g->subnational_[i].aliases) g->AddForm(a, {K::kSubnational, static_cast<int>(i), false});
  for (size_t i = 0; i < g->countries_.size(); ++i)
    for (const auto& d : g->countries_[i].demonyms) g->AddForm(d, {K::kCountry, static_cast<int>(i), true});
  for (size_t i = 0; i < g->subnational_.size(); ++i)
    for (const auto& d : g->subnational_[i].demonyms) g->AddForm(d, {K::kSubnational, static_cast<int>(i), true});
  return g;
}

const Gazetteer::Target* Gazetteer::Exact(std::string_view text) const {
  text = StripThe(text);
  if (auto it = acronym_forms_.find(std::string(text)); it != acronym_forms_.end()) return &it->second;
  if (auto it = folded_forms_.find(Fold(text)); it != folded_forms_.end()) return &it->second;
  // Acronyms typed in lower case on a command line ("uk") are fine there: no prose ambiguity.
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (auto it = acronym_forms_.find(upper); it != acronym_forms_.end()) return &it->second;
  return nullptr;
}

const Country* Gazetteer::CountryByIso3(std::string_view iso3) const {
  auto it = by_code_.find(std::string(iso3));
  if (it == by_code_.end() || countries_[it->second].iso3 != iso3) return nullptr;
  return &countries_[it->second];
}

const Region* Gazetteer::RegionByScope(std::string_view scope) const {
  auto it = by_scope_.find(std::string(scope));
  return it == by_scope_.end() ? nullptr : &regions_[it->second];
}

const Country* Gazetteer::FindCountry(std::string_view text) const {
  text = StripThe(text);
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper.size() == 3 || upper.size() == 2) {
    if (auto it = by_code_.find(upper); it != by_code_.end()) return &countries_[it->second];
  }
  if (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (auto it = by_code_.find(std::string(text)); it != by_code_.end()) return &countries_[it->second];
  }
  const Target* t = Exact(text);
  if (!t) return nullptr;
  if (t->kind == PlaceMention::Kind::kCountry) return &countries_[t->index];
  if (t->kind == PlaceMention::Kind::kSubnational) return CountryByIso3(subnational_[t->index].iso3);
  return nullptr;
}

const Region* Gazetteer::FindRegion(std::string_view text) const {
  text = StripThe(text);
  if (const Region* r = RegionByScope(text)) return r;
  for (const auto& r : regions_)
    if (r.id == text) return &r;
  const Target* t = Exact(text);
  if (t && t->kind == PlaceMention::Kind::kRegion) return &regions_[t->index];
  return nullptr;
}

bool Gazetteer::IsScope(std::string_view scope) const {
  return CountryByIso3(scope) != nullptr || RegionByScope(scope) != nullptr;
}

std::string Gazetteer::ScopeName(std::string_view scope) const {
  if (const Country* c = CountryByIso3(scope)) return c->name;
  return std::string(scope);
}

Result<std::string> Gazetteer::ResolveScope(std::string_view text) const {
  if (IsScope(text)) return std::string(text);
  if (const Country* c = FindCountry(text)) return c->iso3;
  if (const Region* r = FindRegion(text)) return r->scope;
  auto s = Suggest(text);
  std::string hint;
  if (!s.empty()) {
    hint = " (did you mean ";
    for (size_t i = 0; i < s.size(); ++i) hint += (i ? ", " : "") + s[i];
    hint += "?)";
  }
  return Status::NotFound(fmt::format("unknown country or region '{}'{}", text, hint));
}

std::vector<std::string> Gazetteer::Suggest(std::string_view text, size_t n) const {
  std::string key = Fold(StripThe(text));
  std::vector<std::pair<size_t, std::string>> scored;
  for (const auto& name : all_names_) {
    std::string f = Fold(name);
    size_t d = EditDistance(key, f);
    // A prefix of a name ("niger" for "nigeria") is close too.
    if (f.size() > key.size() && f.compare(0, key.size(), key) == 0) d = std::min(d, f.size() - key.size());
    if (d <= std::max<size_t>(2, key.size() / 3)) scored.emplace_back(d, name);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [d, name] : scored) {
    if (out.size() >= n) break;
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

namespace {

// Word-character test on raw UTF-8 around byte `p` (used for the case-sensitive acronym scan,
// where text is not folded): a non-ASCII code point counts only when it is a letter or digit,
// so "the\u00A0U.K." and "\u201CUS\u201D" still see word boundaries.
bool RawWordBefore(std::string_view text, size_t p) {
  if (p == 0) return false;
  unsigned char c = static_cast<unsigned char>(text[p - 1]);
  if (c < 0x80) return IsWordByte(c);
  size_t q = p - 1;
  while (q > 0 && (static_cast<unsigned char>(text[q]) & 0xC0) == 0x80) --q;
  utf8proc_int32_t cp;
  if (utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + q),
                       static_cast<utf8proc_ssize_t>(p - q), &cp) <= 0)
    return false;
  auto cat = utf8proc_category(cp);
  return cat <= UTF8PROC_CATEGORY_LO || (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

bool RawWordAt(std::string_view text, size_t p) {
  if (p >= text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[p]);
  if (c < 0x80) return IsWordByte(c);
  utf8proc_int32_t cp;
  if (utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + p),
                       static_cast<utf8proc_ssize_t>(text.size() - p), &cp) <= 0)
    return false;
  auto cat = utf8proc_category(cp);
  return cat <= UTF8PROC_CATEGORY_LO || (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

struct Candidate {
  size_t start, end;  // original byte span
  int32_t target;
};

// Scans `text` from every word start with `trie`, recording the longest form that ends on a
// word boundary. Offsets are mapped to the original with `to_source` (nullptr: identity).
// `raw`: text is unfolded UTF-8, so boundaries decode code points (see RawWordBefore).
template <typename Trie>
void Scan(std::string_view text, const Trie& trie, const std::vector<uint32_t>* to_source, bool raw,
          std::vector<Candidate>& out) {
  const size_t n = text.size();
  for (size_t p = 0; p < n; ++p) {
    unsigned char first = static_cast<unsigned char>(text[p]);
    if (!IsWordByte(first)) continue;
    if (raw ? RawWordBefore(text, p) : (p > 0 && IsWordByte(static_cast<unsigned char>(text[p - 1])))) continue;
    int32_t node = 0;
    size_t best_end = 0;
    int32_t best_target = -1;
    for (size_t q = p; q < n; ++q) {
      node = trie.Child(node, static_cast<unsigned char>(text[q]));
      if (node == HashIndex::kAbsent) break;
      if (trie.target[static_cast<size_t>(node)] >= 0) {
        // A form ends on a word boundary; forms ending in '.' ("U.S.") end where they end.
        bool boundary = q + 1 >= n || text[q] == '.' ||
                        !(raw ? RawWordAt(text, q + 1) : IsWordByte(static_cast<unsigned char>(text[q + 1])));
        if (boundary) {
          best_end = q + 1;
          best_target = trie.target[static_cast<size_t>(node)];
        }
      }
    }
    if (best_target >= 0) {
      size_t s = to_source ? (*to_source)[p] : p;
      size_t e = to_source ? (*to_source)[best_end] : best_end;
      out.push_back({s, e, best_target});
    }
  }
}

}  // namespace

std::vector<PlaceMention> Gazetteer::FindMentions(std::string_view text) const {
  std::vector<Candidate> cands;
  FoldedText folded = FoldForMatch(text);
  Scan(folded.text, folded_trie_, &folded.to_source, false, cands);
  Scan(text, acronym_trie_, nullptr, true, cands);
  // Leftmost-longest, non-overlapping.
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  std::vector<PlaceMention> out;
  size_t covered = 0;
  for (const Candidate& c : cands) {
    if (c.start < covered) continue;
    const Target& t = trie_targets_[c.target];
    PlaceMention m;
    m.start = c.start;
    m.end = c.end;
    m.kind = t.kind;
    m.demonym = t.demonym;
    switch (t.kind) {
      case PlaceMention::Kind::kCountry: m.scope = countries_[t.index].iso3; break;
      case PlaceMention::Kind::kRegion: m.scope = regions_[t.index].scope; break;
      case PlaceMention::Kind::kSubnational:
        m.scope = subnational_[t.index].iso3;
        m.theatre = subnational_[t.index].theatre;
        break;
    }
    out.push_back(std::move(m));
    covered = c.end;
  }
  return out;
}

}  // namespace ftf
