// Gazetteer: countries, regions and sub-national places, and how text names them.
//
// Loaded from the bundled data/geo/*.csv (see data/geo/README.md for sources and choices).
// Lookups are case- and diacritics-insensitive ("turkiye" finds TUR) except for acronyms
// (all-capital forms of up to five letters, with or without dots: "US", "U.K.", "EU", "CAR"),
// which match only as written, so the pronoun "us" is never the United States.
// Immutable after loading: safe to share between threads.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/hash_index.h"
#include "ftfwatch/status.h"

namespace ftf {

struct Country {
  std::string iso3, iso2, m49;
  std::string name, official_name;
  std::vector<std::string> aliases, demonyms;
  std::string un_region, un_subregion;
  std::optional<double> population;  // World Bank SP.POP.TOTL for population_year
  int population_year = 0;
};

struct Region {
  std::string id;     // "eu28"
  std::string scope;  // the name claims use as scope: "European Union"
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> members;  // ISO3 codes
  bool adhoc = false;  // a source's one-off grouping (data/geo/groups.csv): not matched in text
};

struct Subnational {
  std::string name;
  std::vector<std::string> aliases, demonyms;
  std::string iso3;
  bool theatre = false;  // a theatre or detention place (Raqqa, al-Hol), not a place of origin
};

// One place named in a text.
struct PlaceMention {
  enum class Kind { kCountry, kRegion, kSubnational };
  size_t start = 0, end = 0;  // byte span in the original text
  Kind kind = Kind::kCountry;
  std::string scope;          // ISO3 for countries and sub-national places; region scope name
  bool demonym = false;       // matched a demonym ("Britons") rather than a name
  bool theatre = false;       // a theatre or detention place: never a scope of origin
};

class Gazetteer {
 public:
  // The bundled gazetteer, loaded once and shared (thread-safe initialisation).
  static const Gazetteer& Bundled();
  // Builds one from CSV texts in the data/geo formats. Errors name file and line.
  static Result<std::unique_ptr<Gazetteer>> Load(std::string_view countries_csv, std::string_view regions_csv,
                                                 std::string_view subnational_csv,
                                                 std::string_view groups_csv = {});

  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<Region>& regions() const { return regions_; }
  const std::vector<Subnational>& subnational() const { return subnational_; }

  // By ISO3, ISO2 or M49 code, name, alias or demonym; a leading "the " is ignored.
  const Country* FindCountry(std::string_view text) const;
  // By region id, scope name or alias ("EU", "the Balkans").
  const Region* FindRegion(std::string_view text) const;
  const Country* CountryByIso3(std::string_view iso3) const;
  const Region* RegionByScope(std::string_view scope) const;

  // The canonical scope for a name: an ISO3 code for a country or sub-national place, the
  // region's scope name for a region. An unknown name gives NotFound with up to three close
  // suggestions: "unknown country or region 'Nigerria' (did you mean Nigeria, Niger?)".
  Result<std::string> ResolveScope(std::string_view text) const;
  // True when `scope` is a canonical scope (ISO3 or region scope name) as stored in claims.
  bool IsScope(std::string_view scope) const;
  // Display name of a canonical scope ("GBR" -> "United Kingdom").
  std::string ScopeName(std::string_view scope) const;

  // Up to `n` known names closest to `text` by edit distance.
  std::vector<std::string> Suggest(std::string_view text, size_t n = 3) const;

  // Every place named in `text` (valid UTF-8), whole words only, leftmost-longest, in order.
  std::vector<PlaceMention> FindMentions(std::string_view text) const;

 private:
  Gazetteer() = default;
  struct Target {
    PlaceMention::Kind kind;
    int index;  // into countries_, regions_ or subnational_
    bool demonym;
  };
  void AddForm(const std::string& form, Target t);
  const Target* Exact(std::string_view text) const;

  std::vector<Country> countries_;
  std::vector<Region> regions_;
  std::vector<Subnational> subnational_;
  std::unordered_map<std::string, int> by_code_;  // ISO3/ISO2/M49 (upper case) -> country
  std::unordered_map<std::string, int> by_scope_;  // region scope name -> region
  // Folded (or exact, for acronyms) forms -> target, and a byte trie over them for scanning.
  std::unordered_map<std::string, Target> folded_forms_;
  std::unordered_map<std::string, Target> acronym_forms_;
  // A byte trie over the forms, flat for the scan of every analysed sentence: the child of
  // node n on byte c is found in one hash index under the key n·256 + c — except the root's
  // children, which are looked up at every word of the sentence (most fail there or one byte
  // later), and so sit in a plain table.
  struct Trie {
    HashIndex edges;
    std::array<int32_t, 256> root_children = MakeRoot();
    std::vector<int32_t> target{-1};  // per node: index into trie_targets_, or -1
    int32_t Child(int32_t node, unsigned char c) const {
      return node == 0 ? root_children[c] : edges.Find((static_cast<uint64_t>(node) << 8) | c);
    }
    void AddChild(int32_t node, unsigned char c, int32_t child) {
      if (node == 0) root_children[c] = child;
      else edges.Insert((static_cast<uint64_t>(node) << 8) | c, child);
    }
    static std::array<int32_t, 256> MakeRoot() {
      std::array<int32_t, 256> a;
      a.fill(HashIndex::kAbsent);
      return a;
    }
  };
  Trie folded_trie_, acronym_trie_;
  std::vector<Target> trie_targets_;
  std::vector<std::string> all_names_;  // for suggestions
};

}  // namespace ftf
