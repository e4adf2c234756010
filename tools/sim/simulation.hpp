#pragma once
// The day run through the real engine (core::centre: decide, then apply every event), as a
// discrete-event simulation: arrivals, calls, walks, services, no-shows, transfers and the
// counters' plans are events on one clock; nothing here reads a clock or a file.
#include "alerts.hpp"
#include "core/event.hpp"
#include "citizens.hpp"
#include "day.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace novbe::sim {

// What a run changes in the day file's rules: every counter's policy, the fairness rule.
struct variant {
    std::string name = "as configured";
    std::optional<core::routing_policy> policy;  // for every counter
    std::optional<int> max_priority_streak;
    std::optional<int> normal_per_priority;      // for the centre; counters' own values are dropped
    // Whether the engine is told the counters' breaks (docs/DOMAIN.md#the-counters-plan), as a
    // centre's configuration would; hidden, it learns of a pause only when it starts.
    bool plan_known = true;
};

// One row of a table: waits of the visits that joined a line (seconds), as the engine counts them.
struct wait_line {
    std::string name;
    std::size_t waits = 0;  // visits called
    double mean = 0, p90 = 0, max = 0;
    double within_target = 0;  // share of waits at most the service's target
    std::size_t unserved = 0;  // still waiting when the last counter closed
    std::size_t no_shows = 0;
    std::size_t estimates = 0;  // first visits called, whose estimate at issue is judged
    double estimate_mae = 0;    // mean |actual wait - estimate at issue| over them
    double estimate_ratio = 0;  // that error / their mean actual wait
    double in_range = 0;        // share of them whose wait was inside the range told
    std::size_t long_waits = 0;  // of them, waits over 5 minutes
    double long_error_ratio = 0, long_old_error_ratio = 0;  // over those: mean |error| / mean wait, middle and old
    // Of the counters serving the service (one serving several counts in each): time with a ticket
    // called or at them / time open and not paused. Negative for the class rows, which have none.
    double utilisation = -1;
    alert_figures alerts;  // services and all only
};

// What became of one service's bookings (or all), docs/DOMAIN.md#appointments, and how its
// booked and walk-in citizens waited (each visit, as wait_line).
struct booking_line {
    std::string name;
    std::size_t wanted = 0;    // bookings the day file asked for
    std::size_t made = 0;      // the engine took
    std::size_t refused = 0;   // no slot with room from the wanted time to the service's closing
    std::size_t checked_in = 0, lapsed = 0;
    std::size_t comebacks = 0;      // check-ins told BOOKING_TOO_EARLY, who came back when it opened
    std::size_t late_walk_ins = 0;  // found their booking lapsed and took a walk-in ticket
    wait_line booked, walk_in;      // appointment tickets' visits; every other visit
    wait_line past_slot;            // appointment tickets' first calls after their slot's start (0 if before)
    // The engine's own measure (docs/DOMAIN.md#capacity): lapsed / (checked in + lapsed).
    double no_show_rate() const { return checked_in + lapsed ? double(lapsed) / double(checked_in + lapsed) : 0.0; }
    booking_line& operator+=(booking_line const& o) {
        wanted += o.wanted, made += o.made, refused += o.refused, checked_in += o.checked_in, lapsed += o.lapsed;
        comebacks += o.comebacks, late_walk_ins += o.late_walk_ins;
        return *this;
    }
};

struct result {
    std::string variant;
    std::vector<wait_line> services;  // in the day's order
    wait_line priority, normal, appointment, overall;
    std::vector<booking_line> booking_services;  // in the day's order
    booking_line booking_overall;
    bool has_bookings() const { return booking_overall.wanted > 0; }
    double utilisation = 0;  // every counter's time with a ticket called or at it / time open, not paused
    std::size_t tickets = 0;
    std::size_t commands = 0;  // decided by the engine
};

// `on_events`, if set, sees each command's events as the engine applied them, in order (to log
// a simulated day: log_day.hpp); nothing else of the run depends on it.
using event_sink = std::function<void(std::vector<core::event> const&)>;
result simulate(day const& d, std::vector<citizen> const& citizens, variant const& v, event_sink const& on_events = {});

// The engine's configuration for a run of `d` under `v`: the day's services and counters, the
// variant's rules, the plan's breaks if known, a day that starts at [day] opening (UTC).
core::centre_config engine_config(day const& d, variant const& v);
// The engine's booking rules for a run whose configuration is `engine` (engine_config): the day's
// per-service rules, bookable where the day books, on the engine's calendar of the day.
core::booking_config engine_bookings(day const& d, core::centre_config const& engine);

}  // namespace novbe::sim
