#pragma once
// Alerts before a breach (docs/DOMAIN.md#alerts-before-a-breach): when a line's wait is
// predicted to pass its target, from the estimates of the tickets waiting and of one taken now.
#include "centre.hpp"

#include <optional>

namespace novbe::core {

// How far ahead a predicted breach raises an alert (engine), so that staff can be moved in time.
inline constexpr duration breach_horizon = std::chrono::minutes(20);

// The time from `now` until the first ticket of line `s` (waiting now, or a normal one taken now)
// is predicted to have waited longer than the service's target: 0 if one already has; nullopt if
// none is predicted to. A prediction: now + the middle of the ticket's estimate passes its joining
// the line + the target.
std::optional<duration> predicted_breach(centre const& c, service_index s, time_point now);

}  // namespace novbe::core
