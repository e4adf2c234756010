#pragma once
// What happened: facts decided by the core and replayed by apply(), in log order.
#include "booking.hpp"
#include "breach_alert.hpp"
#include "calendar.hpp"
#include "config.hpp"
#include "roster.hpp"
#include "ticket.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace novbe::core {

struct day_started { day_number day = 0; time_point at{}; };  // everything still open is closed
struct day_closed { time_point at{}; };                        // waiting tickets close unserved
struct ticket_issued {
    ticket_ordinal ticket = 0;
    service_index service = 0;
    std::uint32_t sequence = 0;
    priority_class cls = priority_class::normal;
    std::string language;
    ticket_token token;
    time_point at{};
    std::optional<time_point> due;
    duration estimated_wait{};
    std::uint32_t people_ahead = 0;
    duration estimated_low{}, estimated_high{};  // the range around estimated_wait (docs/DOMAIN.md#estimates)
};
// `reason`: set when the clerk chose the ticket (CallTicket), the code they gave; empty for CallNext.
struct ticket_called {
    ticket_ordinal ticket = 0;
    counter_number counter = 0;
    std::string clerk;
    time_point at{};
    std::string reason;
};
struct ticket_recalled { ticket_ordinal ticket = 0; counter_number counter = 0; time_point at{}; };
struct service_started { ticket_ordinal ticket = 0; counter_number counter = 0; time_point at{}; };
struct service_completed { ticket_ordinal ticket = 0; counter_number counter = 0; std::string outcome; time_point at{}; };
struct ticket_no_show { ticket_ordinal ticket = 0; counter_number counter = 0; time_point at{}; };
// From a counter (a clerk's TransferTicket), or, with counter 0, a waiting ticket a manager moved
// (MoveTicket) with `reason`, the code they gave (docs/DOMAIN.md#transfer).
struct ticket_transferred {
    ticket_ordinal ticket = 0;
    counter_number counter = 0;
    service_index to = 0;
    time_point at{};
    std::string reason;
};
struct ticket_cancelled { ticket_ordinal ticket = 0; time_point at{}; std::string reason; };  // empty: its holder's own
struct ticket_rated { ticket_ordinal ticket = 0; std::uint8_t score = 0; time_point at{}; };
struct counter_opened { counter_number counter = 0; std::string clerk; time_point at{}; };
struct counter_paused { counter_number counter = 0; std::string reason; time_point at{}; };
struct counter_resumed { counter_number counter = 0; time_point at{}; };
struct counter_closed { counter_number counter = 0; time_point at{}; };
// The counter now belongs to `to_user`, who is credited with what is done there from now on,
// including the rest of the ticket at it; kept in the log as the audit of who took it and why.
struct counter_taken_over {
    counter_number counter = 0;
    std::string from_clerk;
    std::string to_user;
    std::string reason;
    time_point at{};
    std::string code;  // the reason's code (docs/DOMAIN.md#reasons); empty in logs from before codes
};

// The hall message is now `text` (empty: none), set by `by`: the audit of who said what to the hall.
struct hall_message_set { std::string text; std::string by; time_point at{}; };

// docs/DOMAIN.md#alerts-before-a-breach: line `service`'s alert is now `alert` (level none: ended),
// decided on the server's tick from the forecast; for dashboards only.
struct alert_changed { service_index service = 0; line_alert alert; time_point at{}; };

// Who made an event happen: the log's envelope beside each event, not a part of it, so that every
// kind has one without a field of its own. A user by name (clerk, manager, admin), a device by its
// configured name (kiosk, board, rating pad), a ticket holder as "citizen", or the server itself
// (a new day, closing time). `unknown` on events logged before actors were recorded.
enum class actor_role : std::uint8_t { unknown, server, kiosk, clerk, board, manager, admin, ticket_holder, rating_device };
struct actor {
    actor_role role = actor_role::unknown;
    std::string name;
    bool operator==(actor const&) const = default;
};
inline actor server_actor() { return {actor_role::server, "server"}; }
// docs/SETUP.md: a user is now as `user` says (added, or changed: found by name), by `by`.
struct user_set { staff_user user; std::string by; time_point at{}; };
// The device at `index` is now `device`; an index one past the last adds it.
struct device_set { std::size_t index = 0; device_entry device; std::string by; time_point at{}; };

// docs/SETUP.md#services-and-counters-at-runtime: the service of that id is now `config`
// (one not known yet is added after the last), the counter of that number now as its `config`
// says; by `by`. (`config`, not `counter`: code that finds an event's counter reads `counter`.)
struct service_set { service_config config; std::string by; time_point at{}; };
struct counter_set { counter_config config; std::string by; time_point at{}; };
// docs/SETUP.md#hours-and-holidays: the centre's calendar is now `calendar` (whole: it is small),
// set by `by`; it wins over the file's from then on.
struct calendar_set { calendar_config calendar; std::string by; time_point at{}; };

using event = std::variant<day_started, day_closed, ticket_issued, ticket_called, ticket_recalled, service_started,
                           service_completed, ticket_no_show, ticket_transferred, ticket_cancelled, ticket_rated,
                           counter_opened, counter_paused, counter_resumed, counter_closed, counter_taken_over,
                           hall_message_set, user_set, device_set, booking_made, booking_cancelled,
                           booking_rescheduled, booking_checked_in, booking_lapsed, bookings_forgotten, alert_changed,
                           service_set, counter_set, calendar_set>;

// Whose an event is, of a command sent by `sender`: a new day is the server's, whichever command
// noticed it first; everything else is the sender's.
inline actor actor_of(event const& ev, actor const& sender) {
    return std::holds_alternative<day_started>(ev) || std::holds_alternative<alert_changed>(ev) ? server_actor() : sender;
}

// Bookings share the centre's log, its sequence and its durability (docs/DOMAIN.md#appointments):
// a booking event is an event, and an event may be one of a booking.
inline event as_event(booking_event const& ev) {
    return std::visit([](auto const& e) { return event{e}; }, ev);
}
inline std::optional<booking_event> as_booking(event const& ev) {
    return std::visit([](auto const& e) -> std::optional<booking_event> {
        if constexpr (std::is_constructible_v<booking_event, decltype(e)>) return booking_event{e};
        else return std::nullopt;
    }, ev);
}

}  // namespace novbe::core
