#pragma once
// Whole-state checks for the random test: what must hold after every step, however we got there.
#include "core/centre.hpp"

#include <string>
#include <vector>

namespace novbe::core::testing {

// Empty when the centre is consistent; otherwise one line per broken rule.
std::string check_invariants(centre const& c);

// The figures recomputed from the tickets alone, independently of apply()'s bookkeeping.
day_statistics recount(centre const& c);

// Empty when every ticket moved from `before` to its current state along an allowed transition.
std::string check_transitions(std::vector<ticket_state> const& before, centre const& c);

}  // namespace novbe::core::testing
