#pragma once
// The simulator's tables, in Markdown so that they can be pasted into tools/sim/README.md.
#include "simulation.hpp"

#include <string>
#include <vector>

namespace novbe::sim {

// One run: a row per service, per class and for everyone, then the counters' utilisation.
std::string render_run(result const& r);
// The estimates told at issue against the first calls: the range's share, the middle's error.
std::string render_estimates(result const& r);
// The alerts raised against the breaches that followed.
std::string render_alerts(result const& r);
// The bookings per service and overall: made, checked in, lapsed, booked and walk-in waits.
std::string render_bookings(result const& r);
std::string render_booking_comparison(std::vector<result> const& runs);
// Runs side by side (and their bookings, if any): a row per variant, the figures a fairness or routing choice moves.
std::string render_comparison(std::vector<result> const& runs);

}  // namespace novbe::sim
