#pragma once
// What happened: facts decided by the core and replayed by apply(), in log order.
#include "booking.hpp"
#include "config.hpp"
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
};
struct ticket_called { ticket_ordinal ticket = 0; counter_number counter = 0; std::string clerk; time_point at{}; };
struct ticket_recalled { ticket_ordinal ticket = 0; counter_number counter = 0; time_point at{}; };
struct service_started { ticket_ordinal ticket = 0; counter_number counter = 0; time_point at{}; };
struct service_completed { ticket_ordinal ticket = 0; counter_number counter = 0; std::string outcome; time_point at{}; };
struct ticket_no_show { ticket_ordinal ticket = 0; counter_number counter = 0; time_point at{}; };
struct ticket_transferred { ticket_ordinal ticket = 0; counter_number counter = 0; service_index to = 0; time_point at{}; };
struct ticket_cancelled { ticket_ordinal ticket = 0; time_point at{}; };
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
};

// The hall message is now `text` (empty: none), set by `by`: the audit of who said what to the hall.
struct hall_message_set { std::string text; std::string by; time_point at{}; };

using event = std::variant<day_started, day_closed, ticket_issued, ticket_called, ticket_recalled, service_started,
                           service_completed, ticket_no_show, ticket_transferred, ticket_cancelled, ticket_rated,
                           counter_opened, counter_paused, counter_resumed, counter_closed, counter_taken_over,
                           hall_message_set, booking_made, booking_cancelled, booking_rescheduled,
                           booking_checked_in, booking_lapsed, bookings_forgotten>;

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
