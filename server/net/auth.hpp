#pragma once
// Secrets and tokens: libsodium's crypto_pwhash for people, constant-time compares for devices,
// and the random bits that make ticket tokens unguessable.
#include "core/roster.hpp"
#include "core/ticket.hpp"
#include "core/time.hpp"
#include "net/secret_hash.hpp"
#include "net/settings.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace novbe::net {

// A device token as the log keeps it (docs/SETUP.md): 64 hex digits of its BLAKE2b-256. Tokens are
// long random strings, so a fast hash is enough; the token itself is kept nowhere.
std::string device_token_hash(std::string_view token);
// The roster's device (not revoked) with that token; every device is compared, in constant time.
std::optional<std::size_t> find_device(core::roster const& r, std::string_view token);
// A new device token: 128 random bits as 32 hex digits.
std::string new_device_token();

core::ticket_token random_token();
// A ticket's token for `day`: 96 random bits and a 32-bit stamp, a keyed hash of them and the day
// (docs/RELIABILITY.md#sign-in). With an empty key, a plain random token.
core::ticket_token day_stamped_token(std::string const& key, core::day_number day);
// The day within the `days` before `today` whose stamp `token` carries, if any.
std::optional<core::day_number> stamped_day(std::string const& key, core::ticket_token const& token, core::day_number today,
                                            int days);
// 32 random bytes for token_key.
std::string random_key();
std::string to_hex(core::ticket_token const& token);  // 32 lower-case hex digits
std::optional<core::ticket_token> from_hex(std::string_view text);

}  // namespace novbe::net
