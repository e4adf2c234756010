#pragma once
// The centre's opening hours (centre_rules::opening, closing) against a moment: whether tickets
// may be issued, whether closing time has come, and when the centre opens next.
#include "config.hpp"

#include <string>

namespace novbe::core {

enum class hours_phase : std::uint8_t { before_opening, open, after_closing };

// Where `now` falls in the centre's local day (which begins at day_start, not at midnight).
// Hours of 24:00 or more are open all day: never before opening nor after closing.
hours_phase phase_of(centre_rules const& rules, time_point now);

// When tickets may next be issued: today's opening if it is still ahead and the day is not
// closed, otherwise the next day's.
time_point next_opening(centre_rules const& rules, time_point now, bool closed_today);

// "08:00": a time of the local day for messages (25:00 reads 01:00).
std::string clock_text(std::chrono::minutes of_day);

}  // namespace novbe::core
