#include "extract/trigger_scan.h"

#include <gtest/gtest.h>

#include "extract/sentence_splitter.h"

namespace ftf::extract {
namespace {

uint8_t Scan(std::string_view s) { return ScanTriggers(s, RuleSet::Bundled()); }

TEST(TriggerScan, NumbersFromDigitsAndWords) {
  EXPECT_EQ(Scan("The bridge was closed.") & kTrigNumber, 0);
  EXPECT_NE(Scan("It took 12 days.") & kTrigNumber, 0);
  EXPECT_NE(Scan("It took seven days.") & kTrigNumber, 0);
  // A hyphenated number word flags by its head ("twenty" of "twenty-three").
  EXPECT_NE(Scan("It took twenty-three days.") & kTrigNumber, 0);
}

TEST(TriggerScan, TopicWordsCaseInsensitiveAndPairs) {
  EXPECT_NE(Scan("FIGHTERS crossed") & kTrigTopic, 0);
  EXPECT_NE(Scan("they joined the Islamic State") & kTrigTopic, 0);
  EXPECT_NE(Scan("the Islamic - State") & kTrigTopic, 0);      // spaces and hyphens join a pair
  EXPECT_EQ(Scan("an Islamic, State") & kTrigTopic, 0);        // a comma breaks it
  EXPECT_EQ(Scan("an Islamic school in the State") & kTrigTopic, 0);
}

TEST(TriggerScan, IsOnlyInCapitalsAndNotShouted) {
  EXPECT_NE(Scan("Britons who joined IS in 2014") & kTrigTopic, 0);
  EXPECT_EQ(Scan("this is it") & kTrigTopic, 0);
  EXPECT_EQ(Scan("WHAT IS LEFT") & kTrigTopic, 0);
}

// Extract scans each sentence once and takes the paragraph's flags as their union: that must
// equal a scan of the whole paragraph, whatever the punctuation between the sentences.
TEST(TriggerScan, ParagraphFlagsAreTheUnionOfItsSentences) {
  const RuleSet& r = RuleSet::Bundled();
  const std::string_view paragraphs[] = {
      "Officials said 300 had left. Islamic State recruited them. Others stayed.",
      "It was Islamic. State media said so! Some 40 returned?\u00a0The rest did not.",
      "\"They went to Syria.\" IS recruiters were active. WHAT IS LEFT? Fighters, (twenty-three) of them.",
      "The U.S. said 12 jihadists. The ministry (in Rome) said 14 \u2014 maybe more.",
  };
  for (std::string_view p : paragraphs) {
    uint8_t joined = 0;
    for (const TextSpan& s : SplitSentences(p, TextSpan{0, p.size()}, r))
      joined |= ScanTriggers(p.substr(s.start, s.end - s.start), r);
    EXPECT_EQ(joined, ScanTriggers(p, r)) << p;
  }
}

}  // namespace
}  // namespace ftf::extract
