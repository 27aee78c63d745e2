// SHA-256 of a document's text, as lower-case hex (OpenSSL EVP; libssl-dev).
#pragma once

#include <string>
#include <string_view>

namespace ftf::extract {

std::string Sha256Hex(std::string_view data);

}  // namespace ftf::extract
