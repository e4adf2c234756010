#pragma once
// Alerts before a breach (docs/DOMAIN.md#alerts-before-a-breach): when a line's wait is
// predicted to pass its target or maximum, from the estimates of the tickets waiting and of one
// taken now; and the alerts the server's tick raises, changes and ends from that forecast.
#include "centre.hpp"

#include <optional>

namespace novbe::core {

// The engine's default horizon (centre_rules::alert_horizon), which the simulator reads with.
inline constexpr duration breach_horizon = std::chrono::minutes(20);

// The time from `now` until the first ticket of line `s` (waiting now, or a normal one taken now)
// is predicted to have waited longer than `limit` (the service's target unless given): 0 if one
// already has; nullopt if none is predicted to. A prediction: now + the middle of the ticket's
// estimate passes its joining the line + the limit. A line with tickets waiting and no counter
// open or paused for it does not move: its first ticket passes the limit.
std::optional<duration> predicted_breach(centre const& c, service_index s, time_point now);
std::optional<duration> predicted_breach(centre const& c, service_index s, time_point now, duration limit);

// Line `s`'s alert as the forecast says now (level none: no breach inside the horizon), its
// advice filled in when raised.
line_alert forecast_alert(centre const& c, service_index s, time_point now);

// The alert_changed events due at `now`: a line whose level changed, whose advice changed, or
// whose predicted breach moved by alert_shift or more. Once raised, an alert stays while a breach
// is predicted within the horizon + alert_margin, so that a forecast at the horizon's edge is
// not an alert raised and ended every tick.
inline constexpr duration alert_margin = std::chrono::minutes(5);
inline constexpr duration alert_shift = std::chrono::minutes(5);
std::vector<event> alerts_due(centre const& c, time_point now);

}  // namespace novbe::core
