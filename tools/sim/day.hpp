#pragma once
// A simulated centre's day as a day file describes it (tools/sim/README.md): the engine's
// configuration plus what the engine never sees: how citizens arrive, how long they take, and
// when clerks open, pause and close their counters.
#include "core/config.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace novbe::sim {

using std::chrono::minutes;
using std::chrono::seconds;

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
};

}  // namespace novbe::sim
