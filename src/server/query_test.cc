#include "server/query.h"

#include <gtest/gtest.h>

namespace ftf::server {
namespace {

TEST(Query, CountryListsAndRepeatsMeanTheSame) {
  auto a = ScopesFromQuery({{"country", "USA,GBR"}});
  auto b = ScopesFromQuery({{"country", "USA"}, {"country", "GBR"}});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, (std::vector<std::string>{"USA", "GBR"}));
  EXPECT_EQ(*a, *b);
  auto names = ScopesFromQuery({{"country", "France, united kingdom"}});
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"FRA", "GBR"}));
}

TEST(Query, UnknownCountryIsABadRequestWithSuggestions) {
  auto r = ScopesFromQuery({{"country", "Nigerria"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("country: "), std::string::npos);
  EXPECT_NE(r.status().message().find("Nigeria"), std::string::npos);
}

TEST(Query, RegionIncludesItsMembers) {
  auto r = ScopesFromQuery({{"region", "European Union"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->front(), "European Union");
  EXPECT_NE(std::find(r->begin(), r->end(), "FRA"), r->end());
  EXPECT_FALSE(ScopesFromQuery({{"region", "France"}}).ok());
}

TEST(Query, FilterFields) {
  auto f = ClaimFilterFromQuery({{"category", "returned"}, {"subgroup", "women"}, {"as_of", "2017-12-31"},
                                 {"source", "soufan2017"}, {"unit", "persons"}});
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->category, Category::kReturned);
  EXPECT_EQ(f->subgroup, Subgroup::kWomen);
  EXPECT_EQ(f->unit, Unit::kPersons);
  EXPECT_EQ(f->as_of_max, "2017-12-31");
  EXPECT_EQ(f->source_id, "soufan2017");
  EXPECT_FALSE(ClaimFilterFromQuery({{"category", "nope"}}).ok());
  EXPECT_FALSE(ClaimFilterFromQuery({{"as_of", "2017-13-01"}}).ok());
}

TEST(Query, Paging) {
  auto d = PagingFromQuery({});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->page, 1);
  EXPECT_EQ(d->pagesize, 100);
  auto p = PagingFromQuery({{"page", "3"}, {"pagesize", "1000"}});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->page, 3);
  EXPECT_FALSE(PagingFromQuery({{"pagesize", "1001"}}).ok());
  EXPECT_FALSE(PagingFromQuery({{"page", "0"}}).ok());
  EXPECT_FALSE(PagingFromQuery({{"page", "1x"}}).ok());
  EXPECT_FALSE(PagingFromQuery({{"page", "-2"}}).ok());
  EXPECT_FALSE(PagingFromQuery({{"page", "99999999999999999999"}}).ok());
}

TEST(Query, AllowedParametersAndCacheKeys) {
  EXPECT_TRUE(CheckAllowed({{"country", "FRA"}}, {"country"}).ok());
  Status st = CheckAllowed({{"contry", "FRA"}}, {"country"});
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("'contry'"), std::string::npos);
  EXPECT_EQ(CacheKey("/api/x", {{"b", "2"}, {"a", "1"}}), CacheKey("/api/x", {{"a", "1"}, {"b", "2"}}));
  EXPECT_NE(CacheKey("/api/x", {{"a", "1&b=2"}}), CacheKey("/api/x", {{"a", "1"}, {"b", "2"}}));
}

}  // namespace
}  // namespace ftf::server
