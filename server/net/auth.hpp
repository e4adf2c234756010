#pragma once
// Secrets and tokens: libsodium's crypto_pwhash for people, constant-time compares for devices,
// and the random bits that make ticket tokens unguessable.
#include "core/ticket.hpp"
#include "net/settings.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace novbe::net {

std::string hash_secret(std::string const& secret);  // throws std::runtime_error if libsodium fails
bool is_secret_hash(std::string const& text);
bool verify_secret(std::string const& hash, std::string const& secret);

device const* find_device(settings const& s, std::string_view token);  // constant-time per device
user const* find_user(settings const& s, std::string_view name);

core::ticket_token random_token();
std::string to_hex(core::ticket_token const& token);  // 32 lower-case hex digits
std::optional<core::ticket_token> from_hex(std::string_view text);

}  // namespace novbe::net
