#include "kiosk/hours.hpp"

#include "kiosk/ticket.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace novbe::kiosk {

namespace {

using namespace std::chrono;

int minutes_of(std::string const& text) {
    return text.size() < 5 ? 0 : std::atoi(text.substr(0, 2).c_str()) * 60 + std::atoi(text.substr(3, 2).c_str());
}

std::string date_of(sys_days d) {
    year_month_day ymd{d};
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return out;
}

struct span {
    int opening, closing;  // minutes after the local midnight
};

// Day `d`'s hours, or nullopt when it is closed all day: its exception, a holiday, its weekday.
std::optional<span> hours_on(v1::CentreInfo const& centre, sys_days d) {
    auto const date = date_of(d);
    auto const& cal = centre.calendar();
    auto of = [](v1::DayHours const& h) { return h.closed() ? std::nullopt : std::optional(span{minutes_of(h.opening()), minutes_of(h.closing())}); };
    for (auto const& e : cal.exceptions())
        if (e.date() == date) return of(e.hours());
    for (auto const& h : cal.holidays())
        if (h == date) return std::nullopt;
    if (cal.weekly_size() == 7) return of(cal.weekly(static_cast<int>(weekday{d}.iso_encoding()) - 1));  // Monday first
    return span{minutes_of(centre.opening().empty() ? "00:00" : centre.opening()),
                minutes_of(centre.closing().empty() ? "24:00" : centre.closing())};
}

}  // namespace

std::optional<closed_state> closed_now(v1::CentreInfo const& centre, bool day_closed, long long now_ms) {
    if (!centre.time_zone().empty()) setenv("TZ", centre.time_zone().c_str(), 1);
    tzset();
    auto const seconds = static_cast<std::time_t>(now_ms / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    sys_days date = year_month_day{year{local.tm_year + 1900}, month{static_cast<unsigned>(local.tm_mon + 1)},
                                   day{static_cast<unsigned>(local.tm_mday)}};
    int minutes = local.tm_hour * 60 + local.tm_min;
    int const start = static_cast<int>(centre.day_start_minutes());
    if (minutes < start) {  // before the day start: still the centre's previous day
        date -= days{1};
        minutes += 1440;
    }
    // A time before the day start is the next calendar morning, as the server reads it.
    auto in_day = [start](std::optional<span> h) {
        if (h && h->opening < start) h = span{h->opening + 1440, h->closing + 1440};
        return h;
    };
    auto const today = day_closed ? std::nullopt : in_day(hours_on(centre, date));
    if (today && minutes >= today->opening && minutes < today->closing) return std::nullopt;
    auto at = [&](int ahead, int opening) { return now_ms - now_ms % 60000 + (ahead * 1440LL + opening - minutes) * 60000; };
    if (today && minutes < today->opening) return closed_state{false, at(0, today->opening)};
    for (int k = 1; k <= 60; ++k)
        if (auto h = in_day(hours_on(centre, date + days{k}))) return closed_state{!today, at(k, h->opening)};
    return closed_state{!today, std::nullopt};
}

std::string closed_notice(kiosk_texts const& t, closed_state const& closed, std::string const& time_zone) {
    auto const time = closed.opens_at_ms ? local_time_text(*closed.opens_at_ms, time_zone) : std::string();
    std::string text = closed.all_day ? (time.empty() ? t.closed_today_for_now : t.closed_today) : t.centre_closed;
    if (auto at = text.find("{time}"); at != std::string::npos) text.replace(at, 6, time);
    return text;
}

}  // namespace novbe::kiosk
