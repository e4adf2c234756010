#include "breach_forecast.hpp"

#include <algorithm>

namespace novbe::core {

std::optional<duration> predicted_breach(centre const& c, service_index s, time_point now) {
    auto const target = c.config().services[s].target_wait;
    std::optional<time_point> first;
    auto consider = [&](time_point joined, duration wait_left) {
        if (now + wait_left > joined + target && (!first || joined + target < *first)) first = joined + target;
    };
    for (auto const& t : c.tickets()) {
        if (t.state != ticket_state::waiting || t.cls == priority_class::appointment || t.current().service != s) continue;
        consider(t.current().joined, c.estimated_range(t, now).middle);
    }
    consider(now, c.estimated_range(s, now).middle);
    if (!first) return std::nullopt;
    return std::max(*first - now, duration::zero());
}

}  // namespace novbe::core
