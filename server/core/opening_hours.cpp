#include "opening_hours.hpp"

namespace novbe::core {

namespace {

bool all_day(centre_rules const& r) { return r.closing - r.opening >= std::chrono::hours(24); }

// Opening as minutes after local midnight of the centre's day's start, so that it falls in
// [day_start, day_start + 24:00) like the moment it is compared with.
std::chrono::minutes opening_in_day(centre_rules const& r) {
    return r.opening < r.day_start ? r.opening + std::chrono::hours(24) : r.opening;
}

// When the centre's local day `d` begins, in UTC.
time_point start_of(centre_rules const& r, day_number d) {
    return time_point{std::chrono::sys_days{std::chrono::days{d}} + r.day_start - r.utc_offset};
}

}  // namespace

hours_phase phase_of(centre_rules const& r, time_point now) {
    if (all_day(r)) return hours_phase::open;
    auto into_day = now - start_of(r, day_of(now, r.utc_offset, r.day_start));  // [0, 24:00)
    auto opens = opening_in_day(r) - r.day_start;
    auto closes = opens + (r.closing - r.opening);
    if (into_day < opens) return hours_phase::before_opening;
    return into_day < closes ? hours_phase::open : hours_phase::after_closing;
}

time_point next_opening(centre_rules const& r, time_point now, bool closed_today) {
    auto today = day_of(now, r.utc_offset, r.day_start);
    auto opens = opening_in_day(r) - r.day_start;
    if (all_day(r)) return start_of(r, today + 1);
    if (!closed_today && phase_of(r, now) == hours_phase::before_opening) return start_of(r, today) + opens;
    return start_of(r, today + 1) + opens;
}

std::string clock_text(std::chrono::minutes of_day) {
    auto m = of_day.count() % (24 * 60);
    auto two = [](long v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
    return two(m / 60) + ":" + two(m % 60);
}

}  // namespace novbe::core

namespace novbe::core {

std::optional<centre_rules> rules_on(centre_rules rules, calendar_config const& cal, day_number d) {
    auto hours = hours_on(cal, d);
    if (!hours) return std::nullopt;
    rules.opening = hours->opening;
    rules.closing = hours->closing;
    return rules;
}

hours_phase phase_of(centre_rules const& rules, calendar_config const& cal, time_point now) {
    auto today = rules_on(rules, cal, day_of(now, rules.utc_offset, rules.day_start));
    return today ? phase_of(*today, now) : hours_phase::closed_all_day;
}

std::optional<time_point> next_opening(centre_rules const& rules, calendar_config const& cal, time_point now,
                                       bool closed_today) {
    auto const today = day_of(now, rules.utc_offset, rules.day_start);
    if (auto r = rules_on(rules, cal, today); r && !closed_today && phase_of(*r, now) == hours_phase::before_opening)
        return next_opening(*r, now, false);
    for (auto d = today + 1; d <= today + max_calendar_days_ahead + 7; ++d) {
        auto r = rules_on(rules, cal, d);
        if (!r) continue;
        return r->closing - r->opening >= std::chrono::hours(24) ? start_of(rules, d) : moment_of(rules, d, r->opening);
    }
    return std::nullopt;
}

}  // namespace novbe::core
