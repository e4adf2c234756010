#pragma once
// Bookings: a citizen's (or a portal's) claim on a slot of one service, its commands and events.
// Plain values; random tokens and time come from outside, like tickets'.
#include "config.hpp"
#include "ticket.hpp"

#include <optional>
#include <string>
#include <system_error>
#include <variant>

namespace novbe::core {

using booking_id = std::uint32_t;  // 1, 2, ... in the order bookings were made; never reused

// docs/DOMAIN.md#appointments
enum class booking_state : std::uint8_t {
    active,      // holds its slot
    checked_in,  // became an appointment ticket; still counts in its slot
    cancelled,   // by the citizen or the portal: the slot is free again
    lapsed,      // not checked in by the end of its window: the slot returns to walk-ins
};

struct booking {
    booking_id id = 0;
    service_index service = 0;
    time_point slot{};       // the slot's start
    std::string reference;   // the portal's application number, or the citizen's own
    std::string phone;       // optional, for a reminder; never shown on boards
    std::string portal;      // who booked it (a portal's name, "phone", "manager")
    ticket_token token;      // its QR code's secret
    time_point made{};
    booking_state state = booking_state::active;
    std::optional<time_point> ended;  // checked in, cancelled or lapsed
    bool operator==(booking const&) const = default;
};

// How a reference is matched (docs/DOMAIN.md#references): ASCII letters folded to upper case and
// spaces at either end trimmed, so "ab123 " typed at the kiosk finds "AB123". Only matching uses
// it: a booking keeps and shows the reference as it was given, and the log is never rewritten.
std::string reference_key(std::string_view reference);

struct book_slot {
    service_index service = 0;
    time_point slot{};
    std::string reference;
    std::string phone;
    std::string portal;
    ticket_token token;
};
struct cancel_booking { ticket_token token; };
struct reschedule_booking { ticket_token token; time_point slot{}; };
// At the kiosk: the booking's QR token, or its reference typed in (then the active booking of
// that reference whose slot is nearest now). `ticket` is the new ticket's random token.
struct check_in {
    std::optional<ticket_token> token;
    std::string reference;
    std::string language;
    ticket_token ticket;
};
// Time passes: bookings whose window has ended lapse.
struct lapse_due {};
// Retention: bookings that ended (checked in, cancelled, lapsed) for a slot more than
// `keep_days` days before today are forgotten, their reference and phone with them; the
// no-show counts stay (docs/DOMAIN.md#appointments).
struct forget_ended { int keep_days = 0; };
using booking_command = std::variant<book_slot, cancel_booking, reschedule_booking, check_in, lapse_due, forget_ended>;

struct booking_made {
    booking_id id = 0;
    service_index service = 0;
    time_point slot{};
    std::string reference;
    std::string phone;
    std::string portal;
    ticket_token token;
    time_point at{};
};
struct booking_cancelled { booking_id id = 0; time_point at{}; };
struct booking_rescheduled { booking_id id = 0; time_point slot{}; time_point at{}; };
struct booking_checked_in { booking_id id = 0; ticket_token ticket; time_point at{}; };
struct booking_lapsed { booking_id id = 0; time_point at{}; };
struct bookings_forgotten { day_number before = 0; time_point at{}; };  // ended bookings of slots before that day
using booking_event = std::variant<booking_made, booking_cancelled, booking_rescheduled, booking_checked_in,
                                   booking_lapsed, bookings_forgotten>;

enum class booking_errc {
    unknown_service = 1,
    not_bookable,       // the service takes no bookings
    day_closed,         // a holiday, a closed weekday
    too_far_ahead,      // past booking_config::days_ahead
    slot_in_past,
    no_such_slot,       // not the start of one of that day's slots
    slot_full,
    day_full,           // the service's daily cap
    already_booked,     // the reference has an active booking for the service
    unknown_booking,
    booking_not_active, // checked in, cancelled or lapsed already
    too_early,          // check-in before the window; until: when it opens
    booking_lapsed,     // check-in after the window: the booking lapses (an event is written)
    invalid_argument,   // reference, phone or portal too long or not printable
    duplicate_token,
};

std::string_view name(booking_errc e);
std::string_view name(booking_state s);
std::error_category const& booking_category();
inline std::error_code make_error_code(booking_errc e) { return {static_cast<int>(e), booking_category()}; }

}  // namespace novbe::core

template <>
struct std::is_error_code_enum<novbe::core::booking_errc> : std::true_type {};
