#include "severity/events_reader.h"

#include <cmath>

#include <gtest/gtest.h>

#include "severity/synthetic.h"

namespace ftf::severity {
namespace {

TEST(EventsReaderTest, SimpleSchema) {
  auto f = ParseEvents(
      "date,country,deaths,wounded,attack_type,group,source\n"
      "2015-11-13,FRA,130,413,Armed Assault,ISIL,\"GTD, 201511130008\"\n"
      "2016-07,FRA,,3,Bombing,Unknown,x\n"
      "2017,GBR,0,,Vehicle,Unknown,x\n",
      "a.csv");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->layout, EventLayout::kSimple);
  ASSERT_EQ(f->events.size(), 3u);
  EXPECT_EQ(f->events[0].year, 2015);
  EXPECT_EQ(f->events[0].month, 11);
  EXPECT_EQ(f->events[0].day, 13);
  EXPECT_EQ(f->events[0].deaths, 130);
  EXPECT_EQ(f->events[0].source, "GTD, 201511130008");
  EXPECT_EQ(f->events[1].month, 7);
  EXPECT_EQ(f->events[1].day, 0);
  EXPECT_TRUE(std::isnan(f->events[1].deaths));  // empty = unknown, not 0
  EXPECT_EQ(f->events[2].month, 0);
  EXPECT_EQ(f->events[2].deaths, 0);
  EXPECT_TRUE(std::isnan(f->events[2].wounded));
  EXPECT_EQ(f->events[2].line, 4u);
}

TEST(EventsReaderTest, GtdLayoutLatin1AndUnknowns) {
  // Latin-1 "Côte d'Ivoire" (0xF4), a month-0 date, a missing nkill and a -99 code.
  std::string text =
      "eventid,iyear,imonth,iday,country_txt,attacktype1_txt,gname,nkill,nwound,summary\n"
      "197001000001,1970,0,0,C\xF4te d'Ivoire,Bombing/Explosion,Unknown,,0,\"multi\nline\"\n"
      "197001000002,1970,1,2,Peru,Armed Assault,Shining Path,3,-99,x\n";
  auto f = ParseEvents(text, "gtd.csv");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->layout, EventLayout::kGtd);
  ASSERT_EQ(f->events.size(), 2u);
  EXPECT_EQ(f->events[0].country, "C\xC3\xB4te d'Ivoire");
  EXPECT_EQ(f->events[0].month, 0);
  EXPECT_TRUE(std::isnan(f->events[0].deaths));
  EXPECT_EQ(f->events[0].source, "197001000001");
  EXPECT_EQ(f->events[1].line, 4u);  // the quoted newline moved it down a line
  EXPECT_EQ(f->events[1].deaths, 3);
  EXPECT_TRUE(std::isnan(f->events[1].wounded));
  EXPECT_EQ(f->events[1].group, "Shining Path");
}

TEST(EventsReaderTest, PlainNumbers) {
  auto f = ParseEvents("# deaths\n1\n2\n 30 \n\n", "v.txt");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->layout, EventLayout::kPlain);
  ASSERT_EQ(f->events.size(), 3u);
  EXPECT_EQ(f->events[2].deaths, 30);
  EXPECT_EQ(f->events[2].line, 4u);
}

TEST(EventsReaderTest, OneColumnCsvWithADeathsHeader) {
  auto f = ParseEvents("deaths\n4\n12\n", "one.csv");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->layout, EventLayout::kPlain);
  ASSERT_EQ(f->events.size(), 2u);
  EXPECT_EQ(f->events[0].deaths, 4);
  EXPECT_EQ(f->events[0].line, 2u);
  // Only a first line may be the header: a later "deaths" is a bad value.
  auto g = ParseEvents("deaths\n4\ndeaths\n", "two.csv");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("two.csv:3: value: not a number: 'deaths'"), std::string::npos)
      << g.status().message();
}

void ExpectError(const std::string& text, const std::string& message) {
  auto f = ParseEvents(text, "bad.csv");
  ASSERT_FALSE(f.ok()) << text;
  EXPECT_EQ(f.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(f.status().message().find(message), std::string::npos) << f.status().message();
}

TEST(EventsReaderTest, BadValuesNameFileLineAndField) {
  ExpectError("1\n2\nabc\n", "bad.csv:3: value: not a number: 'abc'");
  ExpectError("1\n-4\n", "bad.csv:2: value: negative: '-4'");
  ExpectError("1\nnan\n", "bad.csv:2: value: not a finite number: 'nan'");
  ExpectError("1\n\n3\n", "bad.csv:2: value: empty line");
  ExpectError("", "bad.csv: no data");
  ExpectError("date,deaths\n2001-01-01,3\n2001-02-30x,1\n", "bad.csv:3: date: not a date");
  ExpectError("date,deaths\n2001-01-01,12x\n", "bad.csv:2: deaths: not a number: '12x'");
  ExpectError("date,deaths\n2001-01-01,-1\n", "bad.csv:2: deaths: negative");
  ExpectError("date,deaths\n2001-01-01,inf\n", "bad.csv:2: deaths: not a finite number");
  ExpectError("when,how_many\n1,2\n", "bad.csv:1: header");
  ExpectError("iyear,imonth,iday,nkill\n19x0,1,1,2\n", "bad.csv:2: iyear");
}

TEST(EventsReaderTest, ExtractColumnCountsUnknownsAndZeros) {
  auto f = ParseEvents("date,deaths,wounded\n2001,0,1\n2002,,2\n2003,5,\n", "a.csv");
  ASSERT_TRUE(f.ok());
  auto d = ExtractColumn(*f, "deaths");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->values.size(), 2u);
  EXPECT_EQ(d->unknown, 1u);
  EXPECT_EQ(d->zeros, 1u);
  auto c = ExtractColumn(*f, "casualties");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->values.size(), 1u);  // only the first row knows both
  EXPECT_FALSE(ExtractColumn(*f, "injured").ok());
}

TEST(EventsReaderTest, AllZeroIsAnError) {
  auto f = ParseEvents("0\n0\n0\n", "z.txt");
  ASSERT_TRUE(f.ok());
  auto d = ExtractColumn(*f, "deaths");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("all 3 known values are 0"), std::string::npos);
}

TEST(EventsReaderTest, FractionsInADiscreteFitNameTheLine) {
  auto f = ParseEvents("1\n2\n2.5\n", "f.txt");
  ASSERT_TRUE(f.ok());
  auto d = ExtractColumn(*f, "deaths");
  ASSERT_TRUE(d.ok());
  auto forced = ResolveDiscrete(*f, "deaths", *d, true);
  ASSERT_FALSE(forced.ok());
  EXPECT_NE(forced.status().message().find("f.txt:3: deaths: not a whole number"), std::string::npos);
  auto automatic = ResolveDiscrete(*f, "deaths", *d, std::nullopt);
  ASSERT_TRUE(automatic.ok());
  EXPECT_FALSE(*automatic);
}

// The events CSV that `severity simulate` writes quotes and neutralises its text cells, and
// reads back as written.
TEST(EventsReaderTest, WrittenEventsReadBackWithSpreadsheetSafeCells) {
  Event e;
  e.year = 2016;
  e.month = 7;
  e.day = 14;
  e.country = "=cmd|' /C calc'!A0";
  e.attack_type = "Vehicle, ramming";
  e.group = "@group";
  e.source = "-";
  e.deaths = 86;
  e.wounded = 434;
  const std::string csv = EventsToCsv({e});
  EXPECT_NE(csv.find("'=cmd|' /C calc'!A0,86,434,\"Vehicle, ramming\",'@group,'-\n"), std::string::npos) << csv;
  auto f = ParseEvents(csv, "sim.csv");
  ASSERT_TRUE(f.ok()) << f.status().message();
  ASSERT_EQ(f->events.size(), 1u);
  const Event& back = f->events[0];
  EXPECT_EQ(back.country, e.country);
  EXPECT_EQ(back.attack_type, e.attack_type);
  EXPECT_EQ(back.group, e.group);
  EXPECT_EQ(back.source, e.source);
  EXPECT_EQ(back.deaths, 86);
  EXPECT_EQ(back.wounded, 434);
}

}  // namespace
}  // namespace ftf::severity
