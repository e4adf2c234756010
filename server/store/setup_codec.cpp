#include "setup_codec.hpp"

#include "codec.hpp"

namespace novbe::store::detail {

void put(v1::StoredService& out, core::service_config const& s) {
    out.set_id(s.id);
    out.set_prefix(s.prefix);
    out.mutable_names()->insert(s.names.begin(), s.names.end());
    out.set_target_wait_ms(s.target_wait.count());
    out.set_max_wait_ms(s.max_wait.count());
    out.set_default_service_ms(s.default_service_time.count());
    out.set_agency(s.agency);
    out.mutable_agency_names()->insert(s.agency_names.begin(), s.agency_names.end());
    out.set_retired(s.retired);
}

void put(v1::StoredCounter& out, core::counter_config const& c, core::centre_config const& config) {
    out.set_number(c.number);
    out.set_name(c.name);
    for (auto s : c.services) out.add_services(config.services.at(s).id);
    out.set_policy(static_cast<std::uint32_t>(c.policy));
    out.set_has_normal_per_priority(c.normal_per_priority.has_value());
    if (c.normal_per_priority) out.set_normal_per_priority(*c.normal_per_priority);
    out.set_retired(c.retired);
    for (auto const& b : c.breaks) {
        auto& stored = *out.add_breaks();
        stored.set_at_minutes(static_cast<std::int32_t>(b.at.count()));
        stored.set_length_ms(b.length.count());
    }
}

core::service_config get(v1::StoredService const& m) {
    core::service_config s{.id = m.id(), .prefix = m.prefix(), .names = {m.names().begin(), m.names().end()},
                           .target_wait = core::duration{m.target_wait_ms()}, .max_wait = core::duration{m.max_wait_ms()},
                           .default_service_time = core::duration{m.default_service_ms()}, .agency = m.agency(),
                           .agency_names = {m.agency_names().begin(), m.agency_names().end()}, .retired = m.retired()};
    if (auto problem = core::validate_service(s); !problem.empty()) throw codec_error("a stored " + problem);
    return s;
}

core::counter_config get(v1::StoredCounter const& m, core::centre_config const& config) {
    core::counter_config c{.number = m.number(), .name = m.name(), .services = {},
                           .policy = checked_enum(m.policy(), core::routing_policy::strict_service_order),
                           .normal_per_priority = m.has_normal_per_priority() ? std::optional(m.normal_per_priority()) : std::nullopt,
                           .retired = m.retired()};
    for (auto const& id : m.services()) c.services.push_back(service_of(id, config));
    if (static_cast<std::size_t>(m.breaks_size()) > core::max_planned_breaks) throw codec_error("a stored counter has too many breaks");
    for (auto const& b : m.breaks())
        c.breaks.push_back({.at = std::chrono::minutes(b.at_minutes()), .length = core::duration{b.length_ms()}});
    if (auto problem = core::validate_counter(c, config); !problem.empty()) throw codec_error("a stored " + problem);
    return c;
}

}  // namespace novbe::store::detail

namespace novbe::store::detail {

namespace {

v1::StoredHours stored(core::day_hours const& h) {
    v1::StoredHours out;
    out.set_opening_minutes(static_cast<std::int32_t>(h.opening.count()));
    out.set_closing_minutes(static_cast<std::int32_t>(h.closing.count()));
    return out;
}

core::day_hours hours(v1::StoredHours const& m) {
    return {std::chrono::minutes(m.opening_minutes()), std::chrono::minutes(m.closing_minutes())};
}

}  // namespace

void put(v1::StoredCalendar& out, core::calendar_config const& cal) {
    for (auto const& day : cal.weekly) *out.add_weekly() = day ? stored(*day) : v1::StoredHours{};
    for (auto d : cal.holidays) out.add_holidays(d);
    for (auto const& [d, h] : cal.exceptions) {
        out.add_exception_days(d);
        *out.add_exception_hours() = stored(h);
    }
}

core::calendar_config get(v1::StoredCalendar const& m) {
    if (m.weekly_size() != 7) throw codec_error("a calendar has seven weekdays");
    if (m.exception_days_size() != m.exception_hours_size()) throw codec_error("a calendar's exceptions have a day and hours each");
    if (m.holidays_size() > static_cast<int>(core::max_calendar_dates_in_log) ||
        m.exception_days_size() > static_cast<int>(core::max_calendar_dates_in_log))
        throw codec_error("a calendar has too many dates");
    core::calendar_config cal;
    for (int i = 0; i < 7; ++i) {
        auto const& w = m.weekly(i);
        if (w.closing_minutes() != 0) cal.weekly[static_cast<std::size_t>(i)] = hours(w);
    }
    cal.holidays.insert(m.holidays().begin(), m.holidays().end());
    for (int i = 0; i < m.exception_days_size(); ++i) cal.exceptions[m.exception_days(i)] = hours(m.exception_hours(i));
    if (auto problem = core::validate(cal); !problem.empty()) throw codec_error("a stored calendar: " + problem);
    return cal;
}

}  // namespace novbe::store::detail
