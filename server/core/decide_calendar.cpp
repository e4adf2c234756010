// decide() for the hours and holidays at runtime (docs/SETUP.md#hours-and-holidays): each gives
// the centre's whole calendar after it, or the reason it cannot: hours the centre's day cannot
// hold, a date out of range, a cap reached, or active bookings the change would leave outside
// the hours (the admin cancels or moves them first: a citizen's booking is never dropped
// unseen).
#include "decide_setup.hpp"
#include "opening_hours.hpp"

#include <array>
#include <set>

namespace novbe::core {

namespace {

// Hours the centre's day can hold, as the file's [centre] opening and closing must; empty if so.
// In an admin's words (the page shows them): validate_rules's own sentences name the file's keys.
std::string hours_problem(centre_rules rules, day_hours const& h) {
    using std::chrono::hours;
    if (h.closing <= h.opening)
        return "the closing time " + hours_text(h.closing) + " must come after the opening time " + hours_text(h.opening);
    if (h.opening >= hours(24)) return "the opening time " + hours_text(h.opening) + " must be before 24:00";
    if (h.closing - h.opening > hours(24))
        return "from " + hours_text(h.opening) + " to " + hours_text(h.closing) + " is longer than a day";
    // As validate_rules sees it (opening_hours.cpp): a closing past midnight must come before the
    // centre's next day begins, at its day start.
    auto const shifted = h.opening < rules.day_start ? h.opening + hours(24) : h.opening;
    auto const next_day = rules.day_start + hours(24);
    if (h.closing - h.opening < hours(24) && shifted + (h.closing - h.opening) > next_day)
        return "the closing time " + hours_text(h.closing) + " comes after the centre's next day begins (" +
               clock_text(next_day) + "): close by then";
    rules.opening = h.opening;
    rules.closing = h.closing;
    return validate_rules(rules);
}

outcome dated(centre const& c, day_number d, time_point now) {
    auto const& r = c.config().rules;
    auto const today = day_of(now, r.utc_offset, r.day_start);
    if (d < today) return {errc::date_out_of_range, date_text(d) + " is in the past: a date is today (" + date_text(today) + ") or later."};
    if (d > today + max_calendar_days_ahead)
        return {errc::date_out_of_range, date_text(d) + " is more than " + std::to_string(max_calendar_days_ahead) +
                                             " days ahead: a date is at most a year from today."};
    return std::vector<event>{};
}

// The calendar to log: `next` without the days before today, unless nothing changes or active
// bookings that fit the calendar now would not fit it.
outcome changed_to(centre const& c, calendar_config next, std::string const& by, time_point now) {
    auto const& r = c.config().rules;
    auto const today = day_of(now, r.utc_offset, r.day_start);
    std::erase_if(next.holidays, [&](day_number d) { return d < today; });
    std::erase_if(next.exceptions, [&](auto const& e) { return e.first < today; });
    auto const& was = c.appointments().config().calendar;
    if (next == was) return std::vector<event>{};
    std::set<booking_id> outside_now;
    for (auto const* b : c.appointments().outside(was)) outside_now.insert(b->id);
    std::size_t count = 0;
    booking const* first = nullptr;
    for (auto const* b : c.appointments().outside(next)) {
        if (outside_now.contains(b->id)) continue;
        if (!first) first = b;
        ++count;
    }
    if (count > 0) {
        auto d = day_of(first->slot, r.utc_offset, r.day_start);
        auto at = std::chrono::floor<std::chrono::minutes>(first->slot - time_point{} + r.utc_offset) % std::chrono::days{1};
        return {errc::day_has_bookings,
                std::to_string(count) + (count == 1 ? " active booking falls" : " active bookings fall") +
                    " outside these hours, the first on " + date_text(d) + " at " + clock_text(at) + " (" +
                    c.config().services[first->service].id + "): cancel or move " + (count == 1 ? "it" : "them") + " first."};
    }
    std::vector<event> events;
    events.push_back(calendar_set{std::move(next), by, now});
    return events;
}

constexpr std::array<char const*, 7> weekday_names{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

}  // namespace

outcome decide_setup(centre const& c, set_weekly_hours const& cmd, time_point now) {
    if (cmd.by.empty()) return errc::invalid_argument;
    for (std::size_t i = 0; i < cmd.weekly.size(); ++i)
        if (cmd.weekly[i])
            if (auto problem = hours_problem(c.config().rules, *cmd.weekly[i]); !problem.empty())
                return {errc::invalid_argument, std::string(weekday_names[i]) + ": " + problem + "."};
    auto next = c.appointments().config().calendar;
    next.weekly = cmd.weekly;
    return changed_to(c, std::move(next), cmd.by, now);
}

outcome decide_setup(centre const& c, set_holiday const& cmd, time_point now) {
    if (cmd.by.empty()) return errc::invalid_argument;
    auto next = c.appointments().config().calendar;
    if (!cmd.holiday) {
        next.holidays.erase(cmd.day);
        return changed_to(c, std::move(next), cmd.by, now);
    }
    if (auto range = dated(c, cmd.day, now); !range.ok()) return range;
    if (next.holidays.contains(cmd.day) && !next.exceptions.contains(cmd.day)) return std::vector<event>{};
    auto const& r = c.config().rules;
    auto const today = day_of(now, r.utc_offset, r.day_start);
    auto ahead = static_cast<std::size_t>(std::distance(next.holidays.lower_bound(today), next.holidays.end()));
    if (!next.holidays.contains(cmd.day) && ahead >= max_calendar_dates)
        return {errc::setup_limit_reached, "The centre has " + std::to_string(max_calendar_dates) +
                                               " holidays from today on, as many as it may: remove one first."};
    next.holidays.insert(cmd.day);
    next.exceptions.erase(cmd.day);  // a date has one say: closed all day now (an exception would open it)
    return changed_to(c, std::move(next), cmd.by, now);
}

outcome decide_setup(centre const& c, set_exception const& cmd, time_point now) {
    if (cmd.by.empty()) return errc::invalid_argument;
    auto next = c.appointments().config().calendar;
    if (!cmd.hours) {
        next.exceptions.erase(cmd.day);
        return changed_to(c, std::move(next), cmd.by, now);
    }
    if (auto range = dated(c, cmd.day, now); !range.ok()) return range;
    if (auto problem = hours_problem(c.config().rules, *cmd.hours); !problem.empty())
        return {errc::invalid_argument, date_text(cmd.day) + ": " + problem + "."};
    auto const& r = c.config().rules;
    auto const today = day_of(now, r.utc_offset, r.day_start);
    auto ahead = static_cast<std::size_t>(std::distance(next.exceptions.lower_bound(today), next.exceptions.end()));
    if (!next.exceptions.contains(cmd.day) && ahead >= max_calendar_dates)
        return {errc::setup_limit_reached, "The centre has " + std::to_string(max_calendar_dates) +
                                               " exceptions from today on, as many as it may: remove one first."};
    next.exceptions[cmd.day] = *cmd.hours;
    next.holidays.erase(cmd.day);  // a date has one say: these hours
    return changed_to(c, std::move(next), cmd.by, now);
}

}  // namespace novbe::core
