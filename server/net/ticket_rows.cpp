// GetTickets: today's tickets as rows, one per stay in a line, from the engine's own state so
// that the dashboard's charts and export agree with its live figures.
#include "net/protocol.hpp"

namespace novbe::net {

namespace {

char const* ending_name(core::visit_end e) {
    switch (e) {
    case core::visit_end::open: return "";
    case core::visit_end::done: return "done";
    case core::visit_end::no_show: return "no_show";
    case core::visit_end::transferred: return "transferred";
    }
    return "";
}

std::int64_t ms_or_zero(std::optional<core::time_point> const& t) { return t ? unix_ms(*t) : 0; }

}  // namespace

v1::TicketRows ticket_rows(core::centre const& c) {
    v1::TicketRows out;
    if (c.day() != core::no_day) out.set_day(date_of(c.day()));
    auto const& services = c.config().services;
    for (auto const& t : c.tickets()) {
        for (std::size_t i = 0; i < t.visits.size(); ++i) {
            auto const& v = t.visits[i];
            auto& row = *out.add_rows();
            row.set_number(c.number_of(t));
            row.set_service_id(v.service < services.size() ? services[v.service].id : "");
            row.set_priority(wire_class(t.cls));
            row.set_state(wire_state(t.state));
            row.set_issued_at_ms(unix_ms(t.issued));
            row.set_joined_at_ms(unix_ms(v.joined));
            row.set_called_at_ms(ms_or_zero(v.called));
            row.set_started_at_ms(ms_or_zero(v.started));
            row.set_ended_at_ms(ms_or_zero(v.ended));
            row.set_counter(v.counter);
            row.set_clerk(v.credited());  // who finished the stay: the taker after a takeover, as the report
            row.set_called_by(v.clerk);   // the audit's who (docs/DOMAIN.md#audit): the call stays the caller's
            if (v.started) row.set_served_by(v.credited());
            row.set_recalls(static_cast<std::uint32_t>(v.recalls));
            row.set_ending(ending_name(v.end));
            if (i == 0) row.set_estimated_wait_s(seconds(t.estimated_wait));
            row.set_rating(t.rating);
            if (i + 1 == t.visits.size()) row.set_outcome(t.outcome);
            row.set_language(t.language);
        }
    }
    return out;
}

}  // namespace novbe::net
