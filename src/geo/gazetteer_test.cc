#include "geo/gazetteer.h"

#include <gtest/gtest.h>

namespace ftf {
namespace {

const Gazetteer& G() { return Gazetteer::Bundled(); }

std::string Iso(std::string_view name) {
  const Country* c = G().FindCountry(name);
  return c ? c->iso3 : "";
}

TEST(Gazetteer, LoadsAllCountriesAndRegions) {
  EXPECT_EQ(G().countries().size(), 250u);
  ASSERT_NE(G().RegionByScope("European Union"), nullptr);
  EXPECT_EQ(G().RegionByScope("European Union")->members.size(), 28u);
  EXPECT_EQ(G().RegionByScope("World")->members.size(), 250u);
}

TEST(Gazetteer, FindsByCodeNameAliasAndDemonym) {
  EXPECT_EQ(Iso("GEO"), "GEO");
  EXPECT_EQ(Iso("Georgia"), "GEO");
  EXPECT_EQ(Iso("Jordan"), "JOR");
  EXPECT_EQ(Iso("Niger"), "NER");
  EXPECT_EQ(Iso("Nigeria"), "NGA");
  EXPECT_EQ(Iso("Congo"), "COD");  // bare Congo means the DRC (data/geo/README.md)
  EXPECT_EQ(Iso("Republic of the Congo"), "COG");
  EXPECT_EQ(Iso("Kosovo"), "XKX");
  EXPECT_EQ(Iso("XK"), "XKX");
  EXPECT_EQ(Iso("the U.K."), "GBR");
  EXPECT_EQ(Iso("U.S."), "USA");
  EXPECT_EQ(Iso("Türkiye"), "TUR");
  EXPECT_EQ(Iso("turkiye"), "TUR");
  EXPECT_EQ(Iso("Turkey"), "TUR");
  EXPECT_EQ(Iso("Britons"), "GBR");
  EXPECT_EQ(Iso("Frenchmen"), "FRA");
  EXPECT_EQ(Iso("CÔTE D'IVOIRE"), "CIV");
  EXPECT_EQ(Iso("826"), "GBR");
  EXPECT_EQ(Iso("Chechnya"), "RUS");  // sub-national place
  EXPECT_EQ(Iso("Atlantis"), "");
}

TEST(Gazetteer, ResolveScopeSuggestsClosestNames) {
  auto r = G().ResolveScope("Nigerria");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("did you mean Nigeria"), std::string::npos) << r.status().message();
  EXPECT_EQ(G().ResolveScope("the EU").value(), "European Union");
  EXPECT_EQ(G().ResolveScope("the Balkans").value(), "Western Balkans");
  EXPECT_EQ(G().ResolveScope("GBR").value(), "GBR");
}

std::vector<std::string> Scopes(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& m : G().FindMentions(text)) out.push_back(m.scope);
  return out;
}

TEST(Gazetteer, MentionsAreWholeWordsLongestFirst) {
  EXPECT_EQ(Scopes("Fighters from Nigeria and Niger"), (std::vector<std::string>{"NGA", "NER"}));
  EXPECT_EQ(Scopes("Papua New Guinea and Guinea"), (std::vector<std::string>{"PNG", "GIN"}));
  EXPECT_EQ(Scopes("South Sudan, not Sudan"), (std::vector<std::string>{"SSD", "SDN"}));
  EXPECT_EQ(Scopes("Nigerians"), (std::vector<std::string>{"NGA"}));
  EXPECT_TRUE(Scopes("Nigeriana").empty());
}

TEST(Gazetteer, AcronymsMatchOnlyAsWritten) {
  EXPECT_EQ(Scopes("129 came from the U.S. and 850 from the UK"), (std::vector<std::string>{"USA", "GBR"}));
  EXPECT_TRUE(Scopes("Let us go; it is up to us").empty());
  EXPECT_EQ(Scopes("EU member states"), (std::vector<std::string>{"European Union"}));
}

TEST(Gazetteer, MentionSpansPointAtTheOriginalBytes) {
  std::string text = "Returnees to T\xC3\xBCrkiye and the\xC2\xA0U.K.";
  auto ms = G().FindMentions(text);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(text.substr(ms[0].start, ms[0].end - ms[0].start), "T\xC3\xBCrkiye");
  EXPECT_EQ(text.substr(ms[1].start, ms[1].end - ms[1].start), "U.K.");
}

TEST(Gazetteer, TheatrePlacesAreMarked) {
  auto ms = G().FindMentions("held in al-Hol camp after Raqqa fell; fighters from Dagestan");
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_TRUE(ms[0].theatre);
  EXPECT_TRUE(ms[1].theatre);
  EXPECT_FALSE(ms[2].theatre);
  EXPECT_EQ(ms[2].scope, "RUS");
}

}  // namespace
}  // namespace ftf
