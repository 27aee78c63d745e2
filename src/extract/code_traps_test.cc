#include "extract/code_traps.h"

#include <gtest/gtest.h>

namespace ftf::extract {
namespace {

// The reason CodeTrap gives for the first occurrence of `number` in `text`, or "prose".
std::string Why(std::string_view text, std::string_view number) {
  size_t at = text.find(number);
  EXPECT_NE(at, std::string_view::npos) << number;
  auto why = CodeTrap(text, at, at + number.size());
  return why ? why->substr(0, why->find(':')) : "prose";
}

TEST(CodeTraps, CodeAndIdentifiers) {
  EXPECT_EQ(Why("<script>alert(1)</script> returned", "1"), "code");
  EXPECT_EQ(Why("<td width=300>returned</td>", "300"), "markup");
  EXPECT_EQ(Why("call alert(1) now", "1"), "code");
  EXPECT_EQ(Why("items[3] were held", "3"), "code");
  EXPECT_EQ(Why("x=250 fighters", "250"), "code");
  EXPECT_EQ(Why("the mp3 of 40 fighters", "3"), "code");
  EXPECT_EQ(Why("on the 3rd day", "3"), "code");
}

TEST(CodeTraps, MarkupAndLinks) {
  EXPECT_EQ(Why("<img width=\"300\" src=x> 300 fighters", "300"), "markup");
  EXPECT_EQ(Why("see https://example.org/2015/11/300-fighters today", "300"), "link");
  EXPECT_EQ(Why("at www.example.com/page/12 now", "12"), "link");
  EXPECT_EQ(Why("a&#160;b", "160"), "markup");
  EXPECT_EQ(Why("170201-BD-militants-620.jpg A fighter", "170201"), "link");
}

TEST(CodeTraps, ReferencesAndFootnotes) {
  EXPECT_EQ(Why("some 5,000 left for Syria.[12] Others", "12"), "reference");
  EXPECT_EQ(Why("as reported [3, 4] by", "3"), "reference");
  EXPECT_EQ(Why("up to 13 percent (4,761)2 were women", "2"), "footnote");
  EXPECT_EQ(Why("had returned to Belgium.14 The", "14"), "footnote");
}

TEST(CodeTraps, ProseStaysProse) {
  EXPECT_EQ(Why("Belgium (around 500), the Netherlands", "500"), "prose");
  EXPECT_EQ(Why("up to 13 percent (4,761) were women", "4,761"), "prose");
  EXPECT_EQ(Why("France 1,910 \xC2\xB7 302 returned", "302"), "prose");
  EXPECT_EQ(Why("between 300-350 fighters", "350"), "prose");
  EXPECT_EQ(Why("Germany's 960 fighters", "960"), "prose");
  EXPECT_EQ(Why("5,600 returned.", "5,600"), "prose");
}

}  // namespace
}  // namespace ftf::extract
