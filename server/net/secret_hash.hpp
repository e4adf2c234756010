#pragma once
// People's secrets as libsodium's crypto_pwhash strings (argon2id): the centre's users and
// novbe-central's, one way of hashing and checking for both.
#include <string>

namespace novbe::net {

std::string hash_secret(std::string const& secret);  // throws std::runtime_error if libsodium fails
bool is_secret_hash(std::string const& text);
bool verify_secret(std::string const& hash, std::string const& secret);  // slow on purpose: off the event loop

}  // namespace novbe::net
