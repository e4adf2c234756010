#include "calendar_handlers.hpp"

#include "core/calendar.hpp"

#include <array>

namespace novbe::net {

namespace {

using M = v1::ClientMessage;
using made = std::variant<action, refusal>;

constexpr std::array<char const*, 7> weekdays{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

v1::DayHours day_info(std::optional<core::day_hours> const& h) {
    v1::DayHours out;
    if (!h) {
        out.set_closed(true);
        return out;
    }
    out.set_opening(core::hours_text(h->opening));
    out.set_closing(core::hours_text(h->closing));
    return out;
}

// Closed, or two clocks "HH:MM"; whether closing comes after opening is the engine's to say.
std::variant<std::optional<core::day_hours>, refusal> hours_of(v1::DayHours const& in, std::string const& day) {
    if (in.closed()) return std::optional<core::day_hours>{};
    auto opening = core::parse_clock(in.opening()), closing = core::parse_clock(in.closing());
    if (!opening || !closing)
        return refusal{v1::ERROR_CODE_INVALID_ARGUMENT,
                       day + ": an opening and a closing time are \"HH:MM\" (e.g. 09:00 and 18:00; a closing may pass midnight, 25:00), or the day is closed."};
    return std::optional<core::day_hours>{core::day_hours{*opening, *closing}};
}

std::variant<core::day_number, refusal> date_of_wire(std::string const& text) {
    if (auto d = core::parse_date(text)) return *d;
    auto const shown = text.size() <= 32 ? "'" + text + "'" : "of " + std::to_string(text.size()) + " bytes";
    return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "The date " + shown + " is not a date \"YYYY-MM-DD\"."};
}

made with_centre(command_context const& x, core::command cmd) {
    return action{std::move(cmd), [&settings = x.config](core::centre const& c, v1::Reply& r) {
                      *r.mutable_centre() = centre_info(settings, c);
                  }};
}

}  // namespace

v1::Calendar calendar_info(core::calendar_config const& cal, core::day_number from) {
    v1::Calendar out;
    for (auto const& day : cal.weekly) *out.add_weekly() = day_info(day);
    for (auto it = cal.holidays.lower_bound(from); it != cal.holidays.end(); ++it) out.add_holidays(core::date_text(*it));
    for (auto it = cal.exceptions.lower_bound(from); it != cal.exceptions.end(); ++it) {
        auto& e = *out.add_exceptions();
        e.set_date(core::date_text(it->first));
        *e.mutable_hours() = day_info(it->second);
    }
    return out;
}

made setup_set_weekly_hours(command_context const& x, M const& m) {
    auto const& days = m.set_weekly_hours().days();
    if (days.size() != 7)
        return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "The week's hours are seven days, Monday first; " +
                                                            std::to_string(days.size()) + " were given."};
    core::set_weekly_hours cmd{.by = x.who.user};
    for (std::size_t i = 0; i < 7; ++i) {
        auto hours = hours_of(days[static_cast<int>(i)], weekdays[i]);
        if (auto const* no = std::get_if<refusal>(&hours)) return *no;
        cmd.weekly[i] = std::get<std::optional<core::day_hours>>(hours);
    }
    return with_centre(x, std::move(cmd));
}

made setup_add_holiday(command_context const& x, M const& m) {
    auto day = date_of_wire(m.add_holiday().date());
    if (auto const* no = std::get_if<refusal>(&day)) return *no;
    return with_centre(x, core::set_holiday{std::get<core::day_number>(day), true, x.who.user});
}

made setup_remove_holiday(command_context const& x, M const& m) {
    auto day = date_of_wire(m.remove_holiday().date());
    if (auto const* no = std::get_if<refusal>(&day)) return *no;
    return with_centre(x, core::set_holiday{std::get<core::day_number>(day), false, x.who.user});
}

// A date closed all day is a holiday: the exception of that date goes, and the holiday comes.
made setup_set_exception(command_context const& x, M const& m) {
    auto const& in = m.set_exception();
    auto day = date_of_wire(in.date());
    if (auto const* no = std::get_if<refusal>(&day)) return *no;
    auto const d = std::get<core::day_number>(day);
    if (in.remove()) return with_centre(x, core::set_exception{d, std::nullopt, x.who.user});
    auto hours = hours_of(in.hours(), in.date());
    if (auto const* no = std::get_if<refusal>(&hours)) return *no;
    auto const& h = std::get<std::optional<core::day_hours>>(hours);
    if (!h) return with_centre(x, core::set_holiday{d, true, x.who.user});
    return with_centre(x, core::set_exception{d, h, x.who.user});
}

namespace {

// When the centre is open, field by field like the public centre's other parts: a field added
// to the calendar later stays off the public screens until someone adds it here.
v1::DayHours public_hours(v1::DayHours const& in) {
    v1::DayHours out;
    out.set_opening(in.opening());
    out.set_closing(in.closing());
    out.set_closed(in.closed());
    return out;
}

}  // namespace

v1::Calendar public_calendar(v1::Calendar const& in) {
    v1::Calendar out;
    for (auto const& d : in.weekly()) *out.add_weekly() = public_hours(d);
    *out.mutable_holidays() = in.holidays();
    for (auto const& e : in.exceptions()) {
        auto& m = *out.add_exceptions();
        m.set_date(e.date());
        *m.mutable_hours() = public_hours(e.hours());
    }
    return out;
}

}  // namespace novbe::net
