#pragma once
// Alerts before a breach as the simulator judges them (docs/DOMAIN.md#alerts-before-a-breach):
// a line's alert sampled once a minute, against the moments its tickets passed their target.
#include "core/time.hpp"

#include <utility>
#include <vector>

namespace novbe::sim {

inline constexpr core::duration alert_tick = std::chrono::minutes(1);
inline constexpr core::duration warned_ahead = std::chrono::minutes(15);  // issue 16's goal
inline constexpr core::duration alert_hold = std::chrono::minutes(10);

struct alert_figures {
    std::size_t breaches = 0;      // episodes: a ticket past its target, none in the horizon before
    std::size_t warned = 0;        // of them, with the line's alert on 15 minutes before
    std::size_t alerts = 0;        // alerts raised
    std::size_t false_alarms = 0;  // of them, no breach while on, nor within the horizon of raising
    alert_figures& operator+=(alert_figures const& o);
};

class alert_watch {
public:
    void watch(core::duration at, bool on);  // each tick, in order
    void breach(core::duration at);          // a ticket's joining + its target, in any order
    bool raised() const { return on_; }      // as the dashboard shows it now
    alert_figures figures() const;

private:
    std::vector<std::pair<core::duration, core::duration>> alerts_;  // [raised, last tick on]
    bool on_ = false;
    std::vector<core::duration> breaches_;
};

}  // namespace novbe::sim
