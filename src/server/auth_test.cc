#include "server/auth.h"

#include <gtest/gtest.h>

namespace ftf::server {
namespace {

TEST(CheckBearer, Outcomes) {
  const std::string token = "0123456789abcdef";
  EXPECT_EQ(CheckBearer("Bearer 0123456789abcdef", token), AuthResult::kOk);
  EXPECT_EQ(CheckBearer("", token), AuthResult::kMissing);
  EXPECT_EQ(CheckBearer("Basic abc", token), AuthResult::kMissing);
  EXPECT_EQ(CheckBearer("Bearer 0123456789abcdeX", token), AuthResult::kWrong);
  EXPECT_EQ(CheckBearer("Bearer 0123456789abcdef0", token), AuthResult::kWrong);
  EXPECT_EQ(CheckBearer("Bearer ", token), AuthResult::kWrong);
  EXPECT_EQ(CheckBearer("Bearer anything", ""), AuthResult::kReadOnly);
}

}  // namespace
}  // namespace ftf::server
