#include "server/auth.h"

namespace ftf::server {

AuthResult CheckBearer(std::string_view authorization, const std::string& token) {
  if (token.empty()) return AuthResult::kReadOnly;
  constexpr std::string_view kPrefix = "Bearer ";
  if (authorization.size() < kPrefix.size() || authorization.substr(0, kPrefix.size()) != kPrefix)
    return AuthResult::kMissing;
  std::string_view given = authorization.substr(kPrefix.size());
  // Constant time over the configured token's length.
  unsigned diff = given.size() == token.size() ? 0u : 1u;
  for (size_t i = 0; i < token.size(); ++i) {
    unsigned char a = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    diff |= a ^ static_cast<unsigned char>(token[i]);
  }
  return diff == 0 ? AuthResult::kOk : AuthResult::kWrong;
}

}  // namespace ftf::server
