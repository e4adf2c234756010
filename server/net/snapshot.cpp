#include "snapshot.hpp"

namespace novbe::net {

v1::Snapshot snapshot(core::centre const& c, settings const& s, v1::View view, zone_filter const& zone,
                      std::uint64_t sequence, core::time_point now) {
    bool const board = view != v1::VIEW_DASHBOARD;  // boards and phones: nothing personal
    v1::Snapshot out;
    out.set_sequence(sequence);
    out.set_at_ms(unix_ms(now));
    *out.mutable_centre() = board ? public_centre(centre_info(s, c)) : centre_info(s, c);
    for (auto const& call : c.recent_calls()) {
        auto const& service = c.config().services[call.service].id;
        if (!zone.shows_service(service) || !zone.shows_counter(call.counter)) continue;
        auto& m = *out.add_recent_calls();
        m.set_number(call.number);
        m.set_counter(call.counter);
        m.set_service_id(service);
        m.set_at_ms(unix_ms(call.at));
        m.set_recall(call.recall);
        auto const* t = c.find_ticket(call.number);  // a board opened now marks the calls that are over
        m.set_ended(!t || (t->state != core::ticket_state::called && t->state != core::ticket_state::serving) ||
                    t->current().counter != call.counter);
    }
    // A retired service's line and a retired counter's row leave the boards (docs/SETUP.md).
    for (std::size_t i = 0; i < c.config().services.size(); ++i)
        if (zone.shows_service(c.config().services[i].id) && !(board && c.config().services[i].retired))
            fill_queue_line(*out.add_lines(), c, static_cast<core::service_index>(i), now);
    for (auto const& counter : c.config().counters) {
        if (!zone.shows_counter(counter.number) || (board && counter.retired)) continue;
        *out.add_counters() = board ? board_counter(counter_view(c, counter.number)) : counter_view(c, counter.number);
    }
    if (view != v1::VIEW_TICKET) out.set_hall_message(c.hall_message());  // the phone page shows no hall line
    out.set_day_closed(c.closed());  // a kiosk says so on its first screen (a manager may close early)
    if (view == v1::VIEW_DASHBOARD) *out.mutable_statistics() = statistics(c, now);
    return out;
}

}  // namespace novbe::net
