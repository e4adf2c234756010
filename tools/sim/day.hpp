#pragma once
// A simulated centre's day as a day file describes it (tools/sim/README.md): the engine's
// configuration plus what the engine never sees: how citizens arrive, how long they take, and
// when clerks open, pause and close their counters.
#include "core/booking_config.hpp"
#include "core/config.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace novbe::sim {

using std::chrono::minutes;
using std::chrono::seconds;

// The service's bookings (docs/DOMAIN.md#appointments), all made before the day opens, and how
// their citizens come: shares of the bookings, the rest arriving inside the check-in window.
// The defaults are ASAN's reported day (issue 14): 29 % no-shows, 43 % about two hours early.
struct booking_plan {
    int bookings = 0;              // wanted; the engine's slots may refuse some (slot_full)
    double no_show_share = 0.29;   // never come: the booking lapses
    double early_share = 0.43;     // come `early` before the slot, are told to come back
    seconds early{120 * 60};
    double late_share = 0.0;       // come after the window: the booking has lapsed
    seconds late{20 * 60};         // at most this long after the window's end
    bool late_walk_in = true;      // a late one then takes a walk-in ticket
};

// How one service's citizens behave; the engine's own figures for it are in day::centre.
struct service_plan {
    std::vector<double> arrivals_per_hour;  // expected tickets in each hour from [day] opening (Poisson)
    std::vector<seconds> arrivals_at;       // fixed arrival times after opening, instead of the profile
    seconds mean_service{300};              // the service time's lognormal mean ...
    double service_spread = 0.5;            // ... and its standard deviation / mean (0: always the mean)
    double priority_share = 0.0;
    double no_show_share = 0.0;
    double transfer_share = 0.0;            // served, then sent to `transfer_to`'s line
    std::optional<core::service_index> transfer_to;
    booking_plan booked;
};

// A pause of one counter: from `at` (or its next free moment after) for `length`.
struct counter_break {
    seconds at{};
    seconds length{};
};

// When one counter works, in seconds after [day] opening.
struct counter_plan {
    seconds open{};
    seconds close{};  // it closes once the citizen at it (if any) is done
    std::vector<counter_break> breaks;
};

struct day {
    std::uint64_t seed = 1;
    minutes opening{8 * 60};  // local time of the simulated day's start, for the tables only
    seconds walk{30};         // from a call to the citizen at the counter
    seconds no_show_after{120};  // a called citizen who never comes is marked after this
    core::centre_config centre;         // services, counters and rules as the engine reads them
    std::vector<service_plan> services;  // parallel to centre.services
    std::vector<counter_plan> counters;  // parallel to centre.counters
    // The engine's booking rules: every service bookable with the engine's defaults unless the
    // file says otherwise (slot_minutes, walk_in_percent, max_overbook_percent); set by read_day.
    core::booking_config booking;
    bool has_bookings() const {
        for (auto const& s : services)
            if (s.booked.bookings > 0) return true;
        return false;
    }
};

}  // namespace novbe::sim
