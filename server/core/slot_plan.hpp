#pragma once
// A service's bookable slots on one day (docs/DOMAIN.md#capacity): the day's hours cut into
// slots of the service's length, each holding what the counters planned for the service can
// serve in it at the expected service time, less the share kept for walk-ins, plus overbooking
// up to the measured no-show rate (capped by configuration).
#include "booking_config.hpp"

#include <vector>

namespace novbe::core {

// What the slots are sized from, measured by the caller.
struct slot_inputs {
    std::size_t counters = 0;   // planned to serve the service
    duration service_time{};    // expected (measured, the configured time as its prior)
    int no_show_percent = 0;    // of the service's ended bookings, 0 until enough have ended
};

struct slot {
    time_point start{};
    time_point end{};
    int bookable = 0;  // bookings the slot holds
    int overbook = 0;  // and this many more, expected not to come
    int limit() const { return bookable + overbook; }
    bool operator==(slot const&) const = default;
};

// Bookings one slot holds, and the extra its service's no-show rate allows.
int bookable_per_slot(booking_service_rules const& rules, slot_inputs const& in);
int overbook_per_slot(booking_service_rules const& rules, int bookable, int no_show_percent);

// The slots of day `d` (in the day's hours, which nullopt closes), in time order; each ends by
// closing, so the last starts at least one slot length before it.
std::vector<slot> plan_slots(booking_service_rules const& rules, centre_rules const& centre,
                             std::optional<day_hours> hours, day_number d, slot_inputs const& in);

}  // namespace novbe::core
