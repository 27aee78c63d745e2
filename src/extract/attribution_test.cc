// Who a figure is credited to, through the whole extractor (rules 2.3.0). The sentences are
// written for these tests.
#include "extract/attribution.h"

#include <gtest/gtest.h>

#include "extract/claim_extractor.h"

namespace ftf::extract {
namespace {

std::vector<Claim> Extract(const std::string& text) { return ClaimExtractor().Extract(text).claims; }

TEST(Attribution, ReportingVerbsBeyondSay) {
  auto a = Extract("The interior ministry announced that 150 Austrians had travelled to Syria.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].attributed_to, "interior ministry");
  auto b = Extract("PET warned that at least 75 Danes have returned from Syria.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].attributed_to, "PET");
  auto c = Extract("ASIO assessed that around 110 Australians are still in Syria or Iraq.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].attributed_to, "ASIO");
}

TEST(Attribution, NamedSpeakerOutranksAnUnnamedSourceBefore) {
  auto a = Extract(
      "Officials believe that about 40 Czech fighters are still in Syria, Interior Minister Jan Novak "
      "said on Monday.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].attributed_to, "Jan Novak");
  // Without the speaker the unnamed officials credit no one.
  auto b = Extract("Officials believe that about 40 Czech fighters are still in Syria.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_FALSE(b[0].attributed_to.has_value());
  // A named source before the figure is kept even when another is named after it.
  auto c = Extract("According to Europol, about 40 Czech fighters are still in Syria, a minister said.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].attributed_to, "Europol");
}

TEST(Attribution, TitleCaseHeadlineVerb) {
  auto a = Extract("Norway Says 90 Citizens Joined Islamic State in Syria\n\nThe government gave no names.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].attributed_to, "Norway");
  // In running text a capitalised word is a name, not a verb: "States" here says nothing.
  auto b = Extract("Some 250 fighters from the United States travelled to Syria.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_FALSE(b[0].attributed_to.has_value());
}

TEST(Attribution, HeadlineSourceAfterTheColon) {
  auto a = Extract(
      "Fewer jihadists returned to Norway last year: PST\n\n"
      "Around 12 people who fought in Syria returned to Norway last year.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].attributed_to, "PST");
  // "…: report" names no one, and words with a number after the colon are no source.
  auto b = Extract("European jihadists return home: report\n\nAround 1,500 European jihadists have returned.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_FALSE(b[0].attributed_to.has_value());
  auto c = Extract("Dutch fighters: 300 left, 90 back\n\nAround 90 Dutch jihadists have returned.");
  ASSERT_FALSE(c.empty());
  EXPECT_FALSE(c.back().attributed_to.has_value());
}

TEST(Attribution, QuotativeInversion) {
  auto a = Extract("About 260 Bosnian citizens remain in Syria, said Security Minister Jan Novak.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].attributed_to, "Jan Novak");
  auto b = Extract("At least 70 Kosovars have returned from Syria, said the Kosovo Centre for Security Studies.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].attributed_to, "Kosovo Centre for Security Studies");
  // A time after the verb is no source, nor is an unnamed one.
  auto c = Extract("At least 70 Kosovars have returned from Syria, said Thursday.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_FALSE(c[0].attributed_to.has_value());
  auto d = Extract("At least 70 Kosovars have returned from Syria, said officials.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_FALSE(d[0].attributed_to.has_value());
}

TEST(Attribution, InstitutionFiguresAndDocumentTopics) {
  auto a = Extract("According to government figures, some 140 Finnish residents travelled to Syria to join the group.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].attributed_to, "government");
  auto b = Extract(
      "Some 75 Irish residents have travelled to Syria to fight, according to a Garda Síochána report on "
      "radicalisation.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].attributed_to, "Garda Síochána");
  // A document with no named author names no one.
  auto c =
      Extract("Some 75 Irish residents have travelled to Syria to fight, according to a report on radicalisation.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_FALSE(c[0].attributed_to.has_value());
}

TEST(Attribution, NameBoundaries) {
  auto a = Extract(
      "About 80 Dutch minors have also returned from Syria, the General Intelligence and Security Service "
      "reported.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].attributed_to, "General Intelligence and Security Service");
  // A title before a person's name still goes.
  auto b = Extract("About 80 Belgian fighters have returned from Syria, General Marc Dubois said.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].attributed_to, "Marc Dubois");
  auto c = Extract("At least 27 Danes died fighting in Syria, according to the Centre for Terror Analysis.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].attributed_to, "Centre for Terror Analysis");
  auto d = Extract(
      "Around a dozen Norwegian fighters came back from Syria last year, according to the head of the "
      "Norwegian police security service.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].attributed_to, "Norwegian police security service");
  auto e = Extract("The UN working group today warned that some 4,000 Tunisians have travelled to Syria.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].attributed_to, "UN working group");
  // "states" after a verb is a noun, not a second reporting verb with its own subject.
  auto f = Extract("President Omar Lind urged European states to take back 800 fighters captured in Syria.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].attributed_to, "Omar Lind");
}

TEST(Attribution, TimeAndMannerPhrasesEndTheName) {
  auto a = Extract(
      "According to the NCTV since 2012 about 210 Dutch people have left for Syria. "
      "Approximately 35 of them have returned.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].attributed_to, "NCTV");
  EXPECT_EQ(a[1].attributed_to, "NCTV");
  auto b = Extract("At least 70 Kosovars have returned from Syria, said the Kosovo Police in a statement.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].attributed_to, "Kosovo Police");
  // A capitalised document noun inside a name is kept.
  auto c = Extract("Some 600 Belgians have left for Syria, according to the Centre for the Study of Radicalisation.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].attributed_to, "Centre for the Study of Radicalisation");
}

}  // namespace
}  // namespace ftf::extract
