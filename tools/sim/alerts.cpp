#include "alerts.hpp"

#include "core/breach_forecast.hpp"

#include <algorithm>

namespace novbe::sim {

alert_figures& alert_figures::operator+=(alert_figures const& o) {
    breaches += o.breaches;
    warned += o.warned;
    alerts += o.alerts;
    false_alarms += o.false_alarms;
    return *this;
}

void alert_watch::watch(core::duration at, bool on) {
    if (on && !on_) alerts_.emplace_back(at, at);
    if (on) alerts_.back().second = at;
    // As a dashboard would show it: once raised, an alert stays until no breach has been
    // predicted for alert_hold, so that a forecast crossing the horizon back and forth is one alert.
    if (on) on_ = true;
    else if (on_ && at - alerts_.back().second >= alert_hold) on_ = false;
}

void alert_watch::breach(core::duration at) { breaches_.push_back(at); }

alert_figures alert_watch::figures() const {
    auto const horizon = core::breach_horizon;
    alert_figures out{.alerts = alerts_.size()};
    auto moments = breaches_;
    std::sort(moments.begin(), moments.end());
    for (std::size_t i = 0; i < moments.size(); ++i) {
        if (i > 0 && moments[i] - moments[i - 1] <= horizon) continue;  // the same episode
        ++out.breaches;
        auto const before = moments[i] - warned_ahead;
        out.warned += std::any_of(alerts_.begin(), alerts_.end(), [&](auto const& a) {
            return a.first <= before && before <= a.second + alert_tick;
        });
    }
    for (auto const& [raised, last] : alerts_) {
        auto const until = std::max(last + alert_tick, raised + horizon);
        auto first = std::lower_bound(moments.begin(), moments.end(), raised);
        out.false_alarms += first == moments.end() || *first > until;
    }
    return out;
}

}  // namespace novbe::sim
