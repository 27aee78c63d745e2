// Bearer-token check for the API's write endpoints.
#pragma once

#include <string>
#include <string_view>

namespace ftf::server {

enum class AuthResult {
  kOk,
  kReadOnly,  // the server was started without a token: writes are refused (403)
  kMissing,   // no "Authorization: Bearer …" header (401)
  kWrong,     // a token that is not the configured one (403)
};

// Compares `authorization` (the header's value, "" when absent) with `token` in time that
// does not depend on where they differ.
AuthResult CheckBearer(std::string_view authorization, const std::string& token);

}  // namespace ftf::server
