#pragma once
// Secrets and tokens: libsodium's crypto_pwhash for people, constant-time compares for devices,
// and the random bits that make ticket tokens unguessable.
#include "core/ticket.hpp"
#include "core/time.hpp"
#include "net/secret_hash.hpp"
#include "net/settings.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace novbe::net {

device const* find_device(settings const& s, std::string_view token);  // constant-time per device
user const* find_user(settings const& s, std::string_view name);

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
