#pragma once
// CheckIn's handler (docs/DOMAIN.md#check-in): a booking's code, scanned or typed at a kiosk,
// becomes its appointment ticket, decided over the bookings and the centre in one step
// (core/check_in.hpp). Its refusals are worded so that a typed code tells a guesser nothing of
// bookings on other days; the dispatcher slows an address that keeps sending unknown codes.
#include "net/command_handlers.hpp"

namespace novbe::net {

inline constexpr std::size_t max_check_in_code = 64;  // a portal's reference, or a token's 32 hex digits

std::variant<action, refusal> booking_check_in(command_context const& x, v1::ClientMessage const& m);

// "09:30" (today) or "2026-12-03 09:30" (another day), local to the centre.
std::string local_time(core::time_point t, core::time_point now, core::centre_rules const& rules);

}  // namespace novbe::net
