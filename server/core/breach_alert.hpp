#pragma once
// A line's alert before a breach (docs/DOMAIN.md#alerts-before-a-breach) as the centre keeps it.
#include "config.hpp"

#include <cstdint>
#include <vector>

namespace novbe::core {

// What a line's first ticket is predicted to pass within the horizon: none, its service's
// target wait, or its maximum wait (the worse, when both).
enum class alert_level : std::uint8_t { none, target, maximum };

struct line_alert {
    alert_level level = alert_level::none;
    time_point breach_at{};  // when the first ticket is predicted to pass it
    // The manager's advice: counters that serve the line but are closed or paused now, in the
    // configuration's order, and how many of them, opened in that order, clear the forecast of
    // the tickets not yet past the limit (0: not even all of them, or there are none).
    std::vector<counter_number> could_open;
    std::uint32_t counters_needed = 0;
    bool operator==(line_alert const&) const = default;
};

inline constexpr std::size_t max_alert_advice = 16;  // counters named in one alert's advice

}  // namespace novbe::core
