#include "calendar.hpp"

namespace novbe::core {

calendar_config calendar_config::every_day(centre_rules const& rules) {
    calendar_config cal;
    auto closing = rules.closing - rules.opening >= std::chrono::hours(24) ? rules.opening + std::chrono::hours(24)
                                                                          : rules.closing;
    for (auto& day : cal.weekly) day = day_hours{rules.opening, closing};
    return cal;
}

int weekday_of(day_number d) {
    std::chrono::weekday wd{std::chrono::sys_days{std::chrono::days{d}}};
    return static_cast<int>(wd.iso_encoding()) - 1;
}

std::optional<day_hours> hours_on(calendar_config const& cal, day_number d) {
    if (auto e = cal.exceptions.find(d); e != cal.exceptions.end()) return e->second;
    if (cal.holidays.contains(d)) return std::nullopt;
    return cal.weekly[static_cast<std::size_t>(weekday_of(d))];
}

time_point moment_of(centre_rules const& rules, day_number d, std::chrono::minutes of_day) {
    auto in_day = of_day < rules.day_start ? of_day + std::chrono::hours(24) : of_day;
    return time_point{std::chrono::sys_days{std::chrono::days{d}} + in_day - rules.utc_offset};
}

std::string validate(calendar_config const& cal) {
    auto check = [](day_hours const& h) {
        return h.opening >= std::chrono::minutes(0) && h.opening < std::chrono::hours(24) && h.closing > h.opening &&
               h.closing - h.opening <= std::chrono::hours(24);
    };
    for (auto const& day : cal.weekly)
        if (day && !check(*day)) return "weekly hours must open before they close, within one day";
    for (auto const& [d, h] : cal.exceptions)
        if (!check(h)) return "an exception's hours must open before they close, within one day";
    return "";
}

}  // namespace novbe::core
