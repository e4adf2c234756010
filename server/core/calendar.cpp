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

namespace novbe::core {

std::string date_text(day_number d) {
    std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{d}}};
    auto two = [](unsigned v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
    return std::to_string(static_cast<int>(ymd.year())) + "-" + two(static_cast<unsigned>(ymd.month())) + "-" +
           two(static_cast<unsigned>(ymd.day()));
}

std::optional<day_number> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (auto i = from; i < from + n; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                     std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    return static_cast<day_number>(std::chrono::sys_days{date}.time_since_epoch().count());
}

std::optional<std::chrono::minutes> parse_clock(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (auto i : {0, 1, 3, 4})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    int h = (text[0] - '0') * 10 + (text[1] - '0'), m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 47 || m > 59) return std::nullopt;
    return std::chrono::minutes(h * 60 + m);
}

std::string hours_text(std::chrono::minutes m) {
    auto v = m.count();
    auto two = [](long x) { return std::string(x < 10 ? "0" : "") + std::to_string(x); };
    return two(v / 60) + ":" + two(v % 60);
}

}  // namespace novbe::core
