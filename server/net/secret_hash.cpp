#include "secret_hash.hpp"

#include <sodium.h>

#include <stdexcept>

namespace novbe::net {

namespace {

void ensure_sodium() {
    static bool const ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium cannot initialise");
}

}  // namespace

std::string hash_secret(std::string const& secret) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("not enough memory to hash the secret");
    return out;
}

bool is_secret_hash(std::string const& text) { return text.starts_with("$argon2id$") || text.starts_with("$argon2i$"); }

bool verify_secret(std::string const& hash, std::string const& secret) {
    ensure_sodium();
    return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

}  // namespace novbe::net
