#pragma once
// Everyone who comes on the simulated day, drawn once from the day's seed before any variant
// runs, so that every routing policy and fairness rule is judged on the very same citizens.
#include "day.hpp"

#include <vector>

namespace novbe::sim {

// How a citizen comes: a walk-in, or to a booking (docs/DOMAIN.md#check-in).
enum class arrival : std::uint8_t {
    walk_in,
    in_window,  // inside the check-in window
    early,      // before it: told when it opens, comes back then
    late,       // after it: the booking has lapsed; a walk-in ticket if the day says so
    never,      // a booking's no-show: the engine's lapse frees the slot
};

struct citizen {
    core::duration at{};  // arrival after the day's opening; a booking's: the slot it wants
    core::service_index service = 0;
    bool priority = false;
    bool no_show = false;   // called, never comes
    bool transfer = false;  // served, then sent to the service's transfer_to line
    core::duration service_time{};  // at the first counter
    core::duration second_time{};   // at the second, after a transfer
    arrival comes = arrival::walk_in;
    core::duration offset{};  // a booking's: its arrival less its slot's start (the slot the engine gave)
    bool booked() const { return comes != arrival::walk_in; }
};

// Walk-ins in arrival order (ties: by service, then as drawn), then each service's bookings in
// the order they are made (before the day opens), by service.
std::vector<citizen> draw_citizens(day const& d);

}  // namespace novbe::sim
