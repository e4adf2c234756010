#include "calendar_seed.hpp"

#include "core/opening_hours.hpp"

namespace novbe::app {

namespace {

std::string const by = "config";

}  // namespace

core::calendar_config calendar_of(net::settings const& file) {
    return file.booking ? file.booking->calendar : core::calendar_config::every_day(file.centre.rules);
}

std::optional<std::string> calendar_kept(core::calendar_config const& file, core::centre const& centre) {
    auto const& bookings = centre.appointments();
    if (!bookings.calendar_set() || bookings.config().calendar == file) return std::nullopt;
    return "calendar: the log's hours and holidays (set at runtime), not the file's [booking] hours, holidays and "
           "exceptions; the log wins (config export writes what it holds)";
}

std::vector<core::command> calendar_changes(core::calendar_config const& was, core::calendar_config const& now,
                                            core::day_number today) {
    std::vector<core::command> out;
    if (was.weekly != now.weekly) out.push_back(core::set_weekly_hours{now.weekly, by});
    // A date has one say (a holiday or an exception): what the file gives it now is applied; a date
    // the file no longer names at all is removed from what it was.
    std::set<core::day_number> dates(was.holidays.begin(), was.holidays.end());
    dates.insert(now.holidays.begin(), now.holidays.end());
    for (auto const& [d, h] : was.exceptions) dates.insert(d);
    for (auto const& [d, h] : now.exceptions) dates.insert(d);
    for (auto d : dates) {
        if (d < today) continue;
        bool const holiday_was = was.holidays.contains(d), holiday_now = now.holidays.contains(d);
        auto const exception_was = was.exceptions.find(d);
        auto const exception_now = now.exceptions.find(d);
        bool const had_exception = exception_was != was.exceptions.end(), has_exception = exception_now != now.exceptions.end();
        if (holiday_now) {
            if (!holiday_was || had_exception) out.push_back(core::set_holiday{d, true, by});
        } else if (has_exception) {
            if (!had_exception || exception_was->second != exception_now->second || holiday_was)
                out.push_back(core::set_exception{d, exception_now->second, by});
        } else {
            if (holiday_was) out.push_back(core::set_holiday{d, false, by});
            if (had_exception) out.push_back(core::set_exception{d, std::nullopt, by});
        }
    }
    return out;
}

bool starts_after_closing(core::centre const& centre, core::time_point now) {
    return core::phase_of(centre.config().rules, centre.appointments().config().calendar, now) == core::hours_phase::after_closing;
}

}  // namespace novbe::app
