#include "protocol.hpp"

#include "net/auth.hpp"
#include "net/booking_figures.hpp"
#include "net/calendar_handlers.hpp"

#include <cstdio>

// Switches over protobuf enums and oneof cases default on purpose: a newer client's values
// must land somewhere sensible. -Wswitch-enum stays on for the engine's own enums elsewhere.
#pragma GCC diagnostic ignored "-Wswitch-enum"

namespace novbe::net {

v1::ErrorCode wire_code(core::errc e) {
    using E = core::errc;
    switch (e) {
    case E::unknown_service: return v1::ERROR_CODE_UNKNOWN_SERVICE;
    case E::unknown_counter: return v1::ERROR_CODE_UNKNOWN_COUNTER;
    case E::unknown_ticket: return v1::ERROR_CODE_UNKNOWN_TICKET;
    case E::counter_closed: return v1::ERROR_CODE_COUNTER_CLOSED;
    case E::counter_already_open: return v1::ERROR_CODE_COUNTER_ALREADY_OPEN;
    case E::counter_paused: return v1::ERROR_CODE_COUNTER_PAUSED;
    case E::counter_not_paused: return v1::ERROR_CODE_COUNTER_NOT_PAUSED;
    case E::counter_busy: return v1::ERROR_CODE_COUNTER_BUSY;
    case E::counter_idle: return v1::ERROR_CODE_COUNTER_IDLE;
    case E::service_not_at_counter: return v1::ERROR_CODE_SERVICE_NOT_AT_COUNTER;
    case E::nothing_waiting: return v1::ERROR_CODE_NOTHING_WAITING;
    case E::ticket_not_waiting: return v1::ERROR_CODE_TICKET_NOT_WAITING;
    case E::ticket_not_called: return v1::ERROR_CODE_TICKET_NOT_CALLED;
    case E::ticket_not_serving: return v1::ERROR_CODE_TICKET_NOT_SERVING;
    case E::recall_limit_reached: return v1::ERROR_CODE_RECALL_LIMIT_REACHED;
    case E::same_service: return v1::ERROR_CODE_SAME_SERVICE;
    case E::ticket_not_done: return v1::ERROR_CODE_TICKET_NOT_DONE;
    case E::already_rated: return v1::ERROR_CODE_ALREADY_RATED;
    case E::invalid_rating: return v1::ERROR_CODE_INVALID_RATING;
    case E::invalid_argument: return v1::ERROR_CODE_INVALID_ARGUMENT;
    case E::duplicate_token: return v1::ERROR_CODE_DUPLICATE_TOKEN;
    case E::clerk_required: return v1::ERROR_CODE_CLERK_REQUIRED;
    case E::counter_not_yours: return v1::ERROR_CODE_COUNTER_NOT_YOURS;
    case E::centre_closed: return v1::ERROR_CODE_CENTRE_CLOSED;
    case E::reason_required: return v1::ERROR_CODE_REASON_REQUIRED;
    case E::unknown_reason: return v1::ERROR_CODE_UNKNOWN_REASON;
    case E::last_admin: return v1::ERROR_CODE_LAST_ADMIN;
    case E::duplicate_name: return v1::ERROR_CODE_DUPLICATE_NAME;
    case E::unknown_user: return v1::ERROR_CODE_UNKNOWN_USER;
    case E::unknown_device: return v1::ERROR_CODE_UNKNOWN_DEVICE;
    case E::service_has_waiting: return v1::ERROR_CODE_SERVICE_HAS_WAITING;
    case E::service_retired: return v1::ERROR_CODE_SERVICE_RETIRED;
    case E::counter_retired: return v1::ERROR_CODE_COUNTER_RETIRED;
    case E::counter_in_use: return v1::ERROR_CODE_COUNTER_IN_USE;
    case E::prefix_taken: return v1::ERROR_CODE_PREFIX_TAKEN;
    case E::setup_limit_reached: return v1::ERROR_CODE_SETUP_LIMIT_REACHED;
    case E::last_service: return v1::ERROR_CODE_LAST_SERVICE;
    case E::service_has_bookings: return v1::ERROR_CODE_SERVICE_HAS_BOOKINGS;
    case E::day_has_bookings: return v1::ERROR_CODE_DAY_HAS_BOOKINGS;
    case E::date_out_of_range: return v1::ERROR_CODE_DATE_OUT_OF_RANGE;
    case E::last_ticket_passed: return v1::ERROR_CODE_LAST_TICKET_PASSED;
    }
    return v1::ERROR_CODE_INTERNAL;
}

v1::ServerMessage answer_to(std::uint64_t request_id) {
    v1::ServerMessage m;
    m.set_request_id(request_id);
    return m;
}

v1::ServerMessage error_reply(std::uint64_t request_id, v1::ErrorCode code, std::string message) {
    auto m = answer_to(request_id);
    m.mutable_error()->set_code(code);
    m.mutable_error()->set_message(std::move(message));
    return m;
}

v1::ServerMessage engine_error(std::uint64_t request_id, core::errc e) {
    return error_reply(request_id, wire_code(e), make_error_code(e).message());
}

v1::Role wire_role(role r) {
    switch (r) {
    case role::kiosk: return v1::ROLE_KIOSK;
    case role::clerk: return v1::ROLE_CLERK;
    case role::board: return v1::ROLE_BOARD;
    case role::manager: return v1::ROLE_MANAGER;
    case role::admin: return v1::ROLE_ADMIN;
    case role::ticket_holder: return v1::ROLE_TICKET_HOLDER;
    case role::rating_device: return v1::ROLE_RATING_DEVICE;
    }
    return v1::ROLE_UNSPECIFIED;
}

std::optional<role> role_of(v1::Role r) {
    for (auto candidate : {role::kiosk, role::clerk, role::board, role::manager, role::admin, role::ticket_holder,
                           role::rating_device})
        if (wire_role(candidate) == r) return candidate;
    return std::nullopt;
}

v1::ServerMessage engine_error(std::uint64_t request_id, core::outcome const& refused) {
    auto m = error_reply(request_id, wire_code(refused.error()),
                         refused.detail().empty() ? make_error_code(refused.error()).message() : refused.detail());
    if (auto until = refused.until()) m.mutable_error()->set_opens_at_ms(unix_ms(*until));
    if (auto slot = refused.next_slot()) m.mutable_error()->set_next_slot_ms(unix_ms(*slot));
    return m;
}

v1::ServiceInfo service_info(core::service_config const& service, core::centre const& c) {
    v1::ServiceInfo out;
    out.set_id(service.id);
    out.set_prefix(service.prefix);
    for (auto const& [language, text] : service.names) (*out.mutable_names())[language] = text;
    out.set_agency(service.agency);
    for (auto const& [language, text] : service.agency_names) (*out.mutable_agency_names())[language] = text;
    out.set_target_wait_s(seconds(service.target_wait));
    out.set_max_wait_s(seconds(service.max_wait));
    out.set_retired(service.retired);
    auto const index = c.config().find_service(service.id);
    auto const& rules = c.appointments().config().services;
    out.set_bookable(!service.retired && index && *index < rules.size() && rules[*index].bookable);
    return out;
}

v1::CounterInfo counter_info(core::counter_config const& counter, core::centre_config const& config) {
    v1::CounterInfo out;
    out.set_number(counter.number);
    out.set_name(counter.name);
    for (auto service : counter.services) out.add_service_ids(config.services[service].id);
    bool const strict = counter.policy == core::routing_policy::strict_service_order;
    out.set_policy(strict ? v1::ROUTING_POLICY_STRICT_SERVICE_ORDER : v1::ROUTING_POLICY_LONGEST_WAIT_FIRST);
    out.set_retired(counter.retired);
    return out;
}

// Services and counters from the engine: they change at runtime (docs/SETUP.md).
v1::CentreInfo centre_info(settings const& s, core::centre const& c) {
    v1::CentreInfo info;
    info.set_id(s.profile.id);
    info.set_name(s.profile.name);
    info.set_time_zone(s.profile.time_zone);
    for (auto const& language : s.profile.languages) info.add_languages(language);
    for (auto const& service : c.config().services) *info.add_services() = service_info(service, c);
    for (auto const& counter : c.config().counters) *info.add_counters() = counter_info(counter, c.config());
    // The rules a client needs to explain what happens (docs/DOMAIN.md).
    auto const& rules = s.centre.rules;
    info.set_max_recalls(static_cast<std::uint32_t>(rules.max_recalls));
    info.set_max_priority_streak(static_cast<std::uint32_t>(rules.max_priority_streak));
    info.set_opening(s.profile.opening);
    info.set_closing(s.profile.closing);
    info.set_day_start_minutes(static_cast<std::uint32_t>(rules.day_start.count()));
    info.set_appointment_early_s(seconds(rules.appointment_early));
    info.set_public_url(s.profile.public_url);
    *info.mutable_calendar() = calendar_info(c.appointments().config().calendar, c.day());
    for (auto const& r : s.centre.reasons) {
        auto& out = *info.add_reasons();
        out.set_code(r.code);
        out.mutable_names()->insert(r.names.begin(), r.names.end());
    }
    return info;
}

v1::TicketState wire_state(core::ticket_state s) {
    using S = core::ticket_state;
    switch (s) {
    case S::waiting: return v1::TICKET_STATE_WAITING;
    case S::called: return v1::TICKET_STATE_CALLED;
    case S::serving: return v1::TICKET_STATE_SERVING;
    case S::done: return v1::TICKET_STATE_DONE;
    case S::no_show: return v1::TICKET_STATE_NO_SHOW;
    case S::cancelled: return v1::TICKET_STATE_CANCELLED;
    case S::closed: return v1::TICKET_STATE_CLOSED;
    }
    return v1::TICKET_STATE_UNSPECIFIED;
}

core::priority_class engine_class(v1::PriorityClass c) {
    switch (c) {
    case v1::PRIORITY_CLASS_PRIORITY: return core::priority_class::priority;
    case v1::PRIORITY_CLASS_APPOINTMENT: return core::priority_class::appointment;
    default: return core::priority_class::normal;  // unspecified and unknown values too
    }
}

v1::PriorityClass wire_class(core::priority_class c) {
    switch (c) {
    case core::priority_class::normal: return v1::PRIORITY_CLASS_NORMAL;
    case core::priority_class::priority: return v1::PRIORITY_CLASS_PRIORITY;
    case core::priority_class::appointment: return v1::PRIORITY_CLASS_APPOINTMENT;
    }
    return v1::PRIORITY_CLASS_UNSPECIFIED;
}

v1::IssuedTicket issued_ticket(core::centre const& c, core::ticket const& t) {
    v1::IssuedTicket out;
    out.set_number(c.number_of(t));
    out.set_service_id(c.config().services[t.issued_for].id);
    out.set_priority(wire_class(t.cls));
    out.set_people_ahead(t.people_ahead_at_issue);
    out.set_estimated_wait_s(seconds(t.estimated_wait));
    // A ticket from a log written before ranges has none: its middle figure alone.
    auto told = t.estimated_high < t.estimated_wait ? core::wait_range{t.estimated_wait, t.estimated_wait, t.estimated_wait}
                                                    : core::wait_range{t.estimated_low, t.estimated_wait, t.estimated_high};
    out.set_estimated_low_s(seconds(told.low));
    out.set_estimated_high_s(seconds(told.high));
    out.set_issued_at_ms(unix_ms(t.issued));
    out.set_token(to_hex(t.token));
    out.set_language(t.language);
    out.set_open_counters(static_cast<std::uint32_t>(c.open_counters(t.issued_for)));
    return out;
}

v1::TicketStatus ticket_status(core::centre const& c, core::ticket const& t, core::time_point now) {
    v1::TicketStatus out;
    out.set_number(c.number_of(t));
    out.set_service_id(c.config().services[t.current().service].id);
    out.set_state(wire_state(t.state));
    out.set_people_ahead(static_cast<std::uint32_t>(c.people_ahead(t, now)));
    auto range = c.estimated_range(t, now);
    out.set_estimated_wait_s(seconds(range.middle));
    out.set_estimated_low_s(seconds(range.low));
    out.set_estimated_high_s(seconds(range.high));
    out.set_counter(t.current().counter);
    out.set_rating(t.rating);
    out.set_can_rate(t.state == core::ticket_state::done && t.rating == 0);
    out.set_language(t.language);
    out.set_issued_at_ms(unix_ms(t.issued));
    if (t.state == core::ticket_state::waiting)
        out.set_open_counters(static_cast<std::uint32_t>(c.open_counters(t.current().service)));
    return out;
}

v1::CounterView counter_view(core::centre const& c, core::counter_number n) {
    v1::CounterView out;
    auto const* config = c.config().find_counter(n);
    auto const* state = c.find_counter(n);
    if (!config || !state) return out;
    out.set_number(n);
    out.set_name(config->name);
    switch (state->status()) {
    case core::counter_status::closed: out.set_status(v1::COUNTER_STATUS_CLOSED); break;
    case core::counter_status::open: out.set_status(v1::COUNTER_STATUS_OPEN); break;
    case core::counter_status::serving: out.set_status(v1::COUNTER_STATUS_SERVING); break;
    case core::counter_status::paused: out.set_status(v1::COUNTER_STATUS_PAUSED); break;
    }
    out.set_clerk(state->clerk);
    out.set_pause_reason(state->pause_reason);
    out.set_since_ms(unix_ms(state->since));
    for (auto s : config->services) out.add_service_ids(c.config().services[s].id);
    if (state->current) {
        auto const& t = c.tickets()[*state->current];
        auto& current = *out.mutable_current();
        current.set_number(c.number_of(t));
        current.set_service_id(c.config().services[t.current().service].id);
        current.set_state(wire_state(t.state));
        current.set_called_at_ms(t.current().called ? unix_ms(*t.current().called) : 0);
        current.set_started_at_ms(t.current().started ? unix_ms(*t.current().started) : 0);
        current.set_recalls(static_cast<std::uint32_t>(t.current().recalls));
        current.set_priority(wire_class(t.cls));
    }
    return out;
}

void put(v1::Figures& out, std::string key, core::figures const& f) {
    out.set_key(std::move(key));
    out.set_issued(f.issued);
    out.set_called(f.called);
    out.set_served(f.served);
    out.set_no_shows(f.no_shows);
    out.set_transferred_in(f.transferred_in);
    out.set_transferred_out(f.transferred_out);
    out.set_cancelled(f.cancelled);
    out.set_closed_unserved(f.closed_unserved);
    out.set_average_wait_s(seconds(f.average_wait()));
    out.set_max_wait_s(seconds(f.wait_max));
    out.set_average_service_s(seconds(f.average_service()));
    out.set_within_target_share(f.within_target_share());
    out.set_ratings(f.ratings);
    out.set_average_rating(f.average_rating());
    for (auto n : f.rating_counts) out.add_rating_counts(n);
    out.set_average_estimate_error_s(seconds(f.average_estimate_error()));
    out.set_average_walk_s(seconds(f.average_walk()));
    out.set_idle_waiting_s(seconds(f.idle_waiting));
    for (auto const& [reason, d] : f.pause_by_reason) {
        auto& p = *out.add_pauses();
        p.set_reason(reason);
        p.set_seconds(seconds(d));
    }
}

std::string date_of(core::day_number day) {
    std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return text;
}

std::optional<core::day_number> day_of_date(std::string const& date) {
    int y = 0;
    unsigned m = 0, d = 0;
    char end = 0;
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (date[i] < '0' || date[i] > '9') return std::nullopt;
    if (std::sscanf(date.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &end) != 3) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok() || y < 1970 || y > 9999) return std::nullopt;
    return static_cast<core::day_number>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

v1::LineAlert line_alert(core::centre const& c, core::service_index s, core::line_alert const& a) {
    v1::LineAlert out;
    out.set_service_id(c.config().services[s].id);
    out.set_level(a.level == core::alert_level::maximum  ? v1::ALERT_LEVEL_MAXIMUM
                  : a.level == core::alert_level::target ? v1::ALERT_LEVEL_TARGET
                                                         : v1::ALERT_LEVEL_UNSPECIFIED);
    if (a.level != core::alert_level::none) out.set_breach_at_ms(unix_ms(a.breach_at));
    for (auto n : a.could_open) out.add_could_open(n);
    out.set_counters_needed(a.counters_needed);
    return out;
}

// Today's bookings by the clock at `now`, not the centre's day: that opens with the day's first
// ticket, and bookings come before it.
v1::Statistics statistics(core::centre const& c, core::time_point now) {
    v1::Statistics out;
    if (c.day() != core::no_day) out.set_day(date_of(c.day()));
    auto const& stats = c.statistics();
    for (std::size_t s = 0; s < stats.by_service.size(); ++s) {
        auto& f = *out.add_by_service();
        put(f, c.config().services[s].id, stats.by_service[s]);
        f.set_waiting(static_cast<std::uint32_t>(c.queue(static_cast<core::service_index>(s)).size()));
    }
    for (auto const& [n, f] : stats.by_counter) put(*out.add_by_counter(), std::to_string(n), f);
    for (auto const& [clerk, f] : stats.by_clerk) put(*out.add_by_clerk(), clerk, f);
    for (core::service_index s = 0; s < c.alerts().size(); ++s)
        if (c.alerts()[s].level != core::alert_level::none) *out.add_alerts() = line_alert(c, s, c.alerts()[s]);
    auto const& rules = c.config().rules;
    add_booking_figures(c, core::day_of(now, rules.utc_offset, rules.day_start), out);
    return out;
}

}  // namespace novbe::net
