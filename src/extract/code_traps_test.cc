#include "extract/code_traps.h"

#include <gtest/gtest.h>

namespace ftf::extract {
namespace {

// One case: in `text`, the number `number` (its first occurrence) is `expected`: the kind of
// trap (the reason up to its colon) or "prose".
struct Case {
  const char* text;
  const char* number;
  const char* expected;
};

std::string Why(std::string_view text, std::string_view number) {
  size_t at = text.find(number);
  EXPECT_NE(at, std::string_view::npos) << number;
  auto why = CodeTrap(text, at, at + number.size());
  return why ? why->substr(0, why->find(':')) : "prose";
}

void Check(std::initializer_list<Case> cases) {
  for (const Case& c : cases) EXPECT_EQ(Why(c.text, c.number), c.expected) << c.text;
}

TEST(CodeTraps, CodeAndIdentifiers) {
  Check({{"<script>alert(1)</script> returned", "1", "code"},
         {"call alert(1) now", "1", "code"},
         {"items[3] were held", "3", "code"},
         {"x=250 fighters", "250", "code"},
         {"the mp3 of 40 fighters", "3", "code"},
         {"on the 3rd day", "3", "code"},
         {"licensed CC-BY-SA-4.0 by", "4.0", "code"}});
}

TEST(CodeTraps, MarkupAndLinks) {
  Check({{"<td width=300>returned</td>", "300", "markup"},
         {"<img width=\"300\" src=x> 300 fighters", "300", "markup"},
         {"see https://example.org/2015/11/300-fighters today", "300", "link"},
         {"at www.example.com/page/12 now", "12", "link"},
         {"a&#160;b", "160", "markup"},
         {"170201-BD-militants-620.jpg A fighter", "170201", "link"}});
}

TEST(CodeTraps, ReferencesAndFootnotes) {
  Check({{"some 5,000 left for Syria.[12] Others", "12", "reference"},
         {"as reported [3, 4] by", "3", "reference"},
         {"up to 13 percent (4,761)2 were women", "2", "footnote"},
         {"had returned to Belgium.14 The", "14", "footnote"}});
}

TEST(CodeTraps, ProseStaysProse) {
  Check({{"Belgium (around 500), the Netherlands", "500", "prose"},
         {"up to 13 percent (4,761) were women", "4,761", "prose"},
         {"France 1,910 \xC2\xB7 302 returned", "302", "prose"},
         {"between 300-350 fighters", "350", "prose"},
         {"Germany's 960 fighters", "960", "prose"},
         {"5,600 returned.", "5,600", "prose"}});
}

}  // namespace
}  // namespace ftf::extract
