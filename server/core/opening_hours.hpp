#pragma once
// The centre's opening hours against a moment: whether tickets may be issued, whether closing
// time has come, and when the centre opens next. The centre's hours are its calendar's
// (calendar.hpp: the week, holidays, exceptions; docs/DOMAIN.md#opening-hours), which a file
// without one fills with centre_rules::opening and closing every day.
#include "calendar.hpp"
#include "config.hpp"

#include <optional>
#include <string>

namespace novbe::core {

enum class hours_phase : std::uint8_t { before_opening, open, after_closing, closed_all_day };

// Where `now` falls in the centre's local day (which begins at day_start, not at midnight).
// Hours of 24:00 or more are open all day: never before opening nor after closing.
hours_phase phase_of(centre_rules const& rules, time_point now);

// When tickets may next be issued: today's opening if it is still ahead and the day is not
// closed, otherwise the next day's.
time_point next_opening(centre_rules const& rules, time_point now, bool closed_today);

// The centre's rules with day `d`'s hours from the calendar in opening and closing; nullopt
// when the calendar closes that day (a holiday, a closed weekday).
std::optional<centre_rules> rules_on(centre_rules rules, calendar_config const& cal, day_number d);

// As above, by the calendar's hours of the day `now` falls in; a day it closes is closed_all_day
// (never after closing: nothing closes the day early, so opening it again lets tickets in).
hours_phase phase_of(centre_rules const& rules, calendar_config const& cal, time_point now);

// When tickets may next be issued by the calendar; nullopt if it opens on none of the next
// max_calendar_days_ahead + 7 days.
std::optional<time_point> next_opening(centre_rules const& rules, calendar_config const& cal, time_point now,
                                       bool closed_today);

// "08:00": a time of the local day for messages (25:00 reads 01:00).
std::string clock_text(std::chrono::minutes of_day);

}  // namespace novbe::core
