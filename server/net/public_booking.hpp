#pragma once
// The citizens' own booking route, /api/public/v1/ (docs/booking-api.yaml,
// docs/DOMAIN.md#phone-bookings): the phone page books, looks up and cancels with no key at all, so it is bounded as a
// stranger would attack it. A request becomes an answer at once (a read, a refusal) or a booking
// command the caller makes durable before answering with public_answer_after(). What it shows of a
// booking is allow-listed: never its reference or phone, so a token tells no reference, and no
// request lists bookings or turns a reference into a token. Per-address bounds are public_limits'.
#include "net/booking_api.hpp"

#include <map>

namespace novbe::net {

inline constexpr std::string_view public_prefix = "/api/public/v1/";
// The author kept with a phone booking; no [[portal]] may be named so (booking_file.cpp).
inline constexpr std::string_view phone_author = "phone";
// The author kept with a booking a kiosk made after a LAST_TICKET_PASSED refusal
// (docs/DOMAIN.md#last-ticket-cut-off); no [[portal]] may be named so either.
inline constexpr std::string_view kiosk_author = "kiosk";

// What the centre says of itself to strangers: its name and languages (the public profile's).
struct public_profile {
    std::string name;
    std::vector<std::string> languages;
};

// How the request touches the bounds, for the caller to charge the address before and after.
enum class public_kind { read, booking, cancel };

struct public_plan {
    std::optional<api_answer> answer;              // answered at once: nothing to write
    std::optional<core::booking_command> command;  // else: decide, apply, make durable, then answer
    public_kind kind = public_kind::read;
    bool unknown_token = false;                    // a look-up of a code nobody holds: charged as a guess
    unsigned success = 200;
};

// `fresh` is a new random token, used if the request makes a booking.
public_plan plan_public(api_request const& r, public_profile const& profile, core::bookings const& b,
                        core::centre const& c, core::time_point now, core::ticket_token fresh);

// The answer once the plan's command was decided (and, if it wrote events, applied and durable).
api_answer public_answer_after(public_plan const& plan, core::booking_outcome const& decided,
                               core::bookings const& after, core::centre const& c);

// A booking as a stranger holding its token may see it: service, slot, arrival window, state.
std::string public_booking_json(core::booking const& b, core::bookings const& all, core::centre const& c);

}  // namespace novbe::net
