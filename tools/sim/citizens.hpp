#pragma once
// Everyone who comes on the simulated day, drawn once from the day's seed before any variant
// runs, so that every routing policy and fairness rule is judged on the very same citizens.
#include "day.hpp"

#include <vector>

namespace novbe::sim {

struct citizen {
    core::duration at{};  // arrival, after the day's opening
    core::service_index service = 0;
    bool priority = false;
    bool no_show = false;   // called, never comes
    bool transfer = false;  // served, then sent to the service's transfer_to line
    core::duration service_time{};  // at the first counter
    core::duration second_time{};   // at the second, after a transfer
};

// In arrival order (ties: by service, then as drawn).
std::vector<citizen> draw_citizens(day const& d);

}  // namespace novbe::sim
