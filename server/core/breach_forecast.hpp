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

// An alert is not raised for a ticket already waiting whose limit is foreseen to pass less than
// alert_lead from now: such a forecast is mostly a ticket called in time (bench/README.md, the
// alert's lead), and staff could not be moved before it anyway. The ticket that does pass its
// limit raises the alert then (a breach of 0); a stalled line, a ticket taken now and the line's
// arrivals, which are always at least the limit ahead, raise it as before.
inline constexpr duration alert_lead = std::chrono::minutes(10);
// Whether line `s`'s forecast at `now` may raise an alert that is not up: what alerts_due and
// the simulator's dashboard ask before raising one.
bool alert_may_rise(centre const& c, service_index s, time_point now);

}  // namespace novbe::core
