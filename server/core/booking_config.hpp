#pragma once
// What the centre offers for booking (docs/DOMAIN.md#appointments): the calendar, each
// service's slots and capacity, the arrival window. Static for a run, like centre_config.
#include "calendar.hpp"
#include "config.hpp"

#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace novbe::core {

// How one service takes bookings.
struct booking_service_rules {
    bool bookable = true;
    std::chrono::minutes slot_length{30};
    std::optional<std::size_t> planned_counters;  // unset: the counters configured to serve it
    int daily_cap = 0;             // bookings a day for the service; 0: only the slots limit it
    int walk_in_percent = 50;      // share of the counters' time never booked, kept for walk-ins
    int max_overbook_percent = 0;  // overbooking follows the measured no-show rate up to this
    bool operator==(booking_service_rules const&) const = default;
};

struct booking_config {
    calendar_config calendar;
    std::vector<booking_service_rules> services;  // parallel to centre_config::services
    int days_ahead = 14;                          // today and this many days after it
    duration window_before = 30min;               // check-in opens this long before the slot
    duration window_after = 10min;                // and closes this long after it
    // Ended bookings of a service (checked in or lapsed) before its no-show rate is trusted for
    // overbooking; until then it books no more than the slots hold.
    std::size_t no_show_minimum = 20;
    bool operator==(booking_config const&) const = default;

    // Every service bookable with the defaults, on the centre's own hours every day.
    static booking_config defaults(centre_config const& centre);
    // No service bookable: a centre configured without [booking].
    static booking_config none(centre_config const& centre);
};

inline constexpr std::size_t max_booking_reference = 64;  // a portal's application number
inline constexpr std::size_t max_booking_phone = 20;      // "+994 50 123 45 67"
inline constexpr std::size_t max_portal_name = 64;
// A booking staff made for a citizen is the staff user's, under this prefix, which no portal's
// name may take: a portal named like a user must not see or cancel that user's bookings.
inline constexpr std::string_view staff_booking_prefix = "staff:";
inline constexpr std::size_t max_booking_author = staff_booking_prefix.size() + 64;  // a user's name is <= 64
inline constexpr int max_days_ahead = 366;

// Empty when usable with `centre`; otherwise a sentence naming the first problem.
std::string validate(booking_config const& config, centre_config const& centre);

}  // namespace novbe::core
