#pragma once
// The booking calendar: which hours each of the centre's days is open for booked visits.
// Weekly hours, holidays (closed all day) and exceptions (other hours on one day), judged on the
// centre's local day (time.hpp's day_number). Pure: the days come in as arguments.
#include "config.hpp"

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace novbe::core {

// Hours of one local day, minutes after local midnight; closing after opening, within a day's
// length of it (closing may pass midnight, like centre_rules::closing).
struct day_hours {
    std::chrono::minutes opening{0};
    std::chrono::minutes closing{0};
    bool operator==(day_hours const&) const = default;
};

struct calendar_config {
    // Monday first; nullopt: closed that weekday.
    std::array<std::optional<day_hours>, 7> weekly;
    std::set<day_number> holidays;                // closed all day, whatever the weekday says
    std::map<day_number, day_hours> exceptions;   // other hours that day (a holiday's too)
    bool operator==(calendar_config const&) const = default;

    // Every weekday open at the centre's own hours (centre_rules::opening, closing).
    static calendar_config every_day(centre_rules const& rules);
};

// The hours of day `d`, or nullopt when it is closed (holiday, closed weekday).
std::optional<day_hours> hours_on(calendar_config const& cal, day_number d);

// 0 for Monday .. 6 for Sunday, of the calendar date the centre's day `d` starts on.
int weekday_of(day_number d);

// The moment of local time `of_day` in the centre's day `d` (a time before the day's start,
// e.g. 01:00 in a day starting 04:00, is the next calendar morning).
time_point moment_of(centre_rules const& rules, day_number d, std::chrono::minutes of_day);

// Empty when usable; otherwise a sentence naming the first problem.
std::string validate(calendar_config const& cal);

// The calendar at runtime (docs/SETUP.md#hours-and-holidays): an admin's holidays and exceptions
// are for today up to a year ahead, at most this many of each from today on (a country's public
// holidays are some fifteen a year); days before today are dropped from the calendar as it changes.
inline constexpr int max_calendar_days_ahead = 366;
inline constexpr std::size_t max_calendar_dates = 100;
inline constexpr std::size_t max_calendar_dates_in_log = 1000;  // a file's holidays and exceptions, each

// "2026-12-31" for day `d`, and back; nullopt for text that is no such date.
std::string date_text(day_number d);
std::optional<day_number> parse_date(std::string_view text);
// "HH:MM" after local midnight, hours 00 to 47 (a closing may pass midnight), and back ("25:00").
std::optional<std::chrono::minutes> parse_clock(std::string_view text);
std::string hours_text(std::chrono::minutes of_day);

}  // namespace novbe::core
