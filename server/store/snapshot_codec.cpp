// core::centre_image <-> Snapshot.
#include "booking_codec.hpp"
#include "codec.hpp"
#include "alert_codec.hpp"
#include "roster_codec.hpp"
#include "setup_codec.hpp"
#include "stored.pb.h"

namespace novbe::store {

using namespace detail;
namespace pb = novbe::store::v1;

namespace {

void put(pb::Figures& m, core::figures const& f) {
    m.set_issued(f.issued);
    m.set_transferred_in(f.transferred_in);
    m.set_called(f.called);
    m.set_served(f.served);
    m.set_no_shows(f.no_shows);
    m.set_transferred_out(f.transferred_out);
    m.set_cancelled(f.cancelled);
    m.set_closed_unserved(f.closed_unserved);
    m.set_within_target(f.within_target);
    m.set_wait_sum_ms(f.wait_sum.count());
    m.set_wait_max_ms(f.wait_max.count());
    m.set_service_sum_ms(f.service_sum.count());
    m.set_ratings(f.ratings);
    for (auto n : f.rating_counts) m.add_rating_counts(n);
    m.set_estimates(f.estimates);
    m.set_estimate_error_sum_ms(f.estimate_error_sum.count());
    m.set_walks(f.walks);
    m.set_walk_sum_ms(f.walk_sum.count());
    m.set_idle_waiting_ms(f.idle_waiting.count());
    for (auto const& [reason, d] : f.pause_by_reason) {
        auto& p = *m.add_pauses();
        p.set_reason(reason);
        p.set_ms(d.count());
    }
}

core::figures get(pb::Figures const& m) {
    if (m.rating_counts_size() != 5) throw codec_error("a snapshot's rating counts are not five");
    core::figures f{.issued = m.issued(), .transferred_in = m.transferred_in(), .called = m.called(),
                    .served = m.served(), .no_shows = m.no_shows(), .transferred_out = m.transferred_out(),
                    .cancelled = m.cancelled(), .closed_unserved = m.closed_unserved(),
                    .within_target = m.within_target(), .wait_sum = core::duration{m.wait_sum_ms()},
                    .wait_max = core::duration{m.wait_max_ms()}, .service_sum = core::duration{m.service_sum_ms()},
                    .ratings = m.ratings(), .estimates = m.estimates(),
                    .estimate_error_sum = core::duration{m.estimate_error_sum_ms()}};
    for (int i = 0; i < 5; ++i) f.rating_counts[static_cast<std::size_t>(i)] = m.rating_counts(i);
    if (static_cast<std::size_t>(m.pauses_size()) > core::max_pause_reasons) throw codec_error("a snapshot's figures have too many pause reasons");
    f.walks = m.walks();
    f.walk_sum = core::duration{m.walk_sum_ms()};
    f.idle_waiting = core::duration{m.idle_waiting_ms()};
    for (auto const& p : m.pauses()) f.pause_by_reason[p.reason()] = core::duration{p.ms()};
    return f;
}

template <class T>
void put_optional(std::optional<T> const& value, auto&& set_has, auto&& set_value) {
    set_has(value.has_value());
    if (value) set_value(*value);
}

void put(pb::Ticket& m, core::ticket const& t, core::centre_config const& config) {
    m.set_ordinal(t.ordinal);
    m.set_issued_for(config.services.at(t.issued_for).id);
    m.set_sequence(t.sequence);
    m.set_cls(static_cast<std::uint32_t>(t.cls));
    m.set_language(t.language);
    m.set_token_hi(t.token.hi);
    m.set_token_lo(t.token.lo);
    m.set_issued_ms(ms(t.issued));
    m.set_has_due(t.due.has_value());
    if (t.due) m.set_due_ms(ms(*t.due));
    m.set_estimated_wait_ms(t.estimated_wait.count());
    m.set_people_ahead(t.people_ahead_at_issue);
    m.set_estimated_low_ms(t.estimated_low.count());
    m.set_estimated_high_ms(t.estimated_high.count());
    m.set_state(static_cast<std::uint32_t>(t.state));
    for (auto const& v : t.visits) {
        auto& mv = *m.add_visits();
        mv.set_service(config.services.at(v.service).id);
        mv.set_joined_ms(ms(v.joined));
        put_optional(v.called, [&](bool b) { mv.set_has_called(b); }, [&](auto x) { mv.set_called_ms(ms(x)); });
        mv.set_counter(v.counter);
        mv.set_clerk(v.clerk);
        put_optional(v.started, [&](bool b) { mv.set_has_started(b); }, [&](auto x) { mv.set_started_ms(ms(x)); });
        put_optional(v.ended, [&](bool b) { mv.set_has_ended(b); }, [&](auto x) { mv.set_ended_ms(ms(x)); });
        mv.set_recalls(static_cast<std::uint32_t>(v.recalls));
        mv.set_end(static_cast<std::uint32_t>(v.end));
        mv.set_taken_by(v.taken_by);
    }
    m.set_rating(t.rating);
    m.set_outcome(t.outcome);
}

std::optional<core::time_point> optional_ms(bool has, std::int64_t value) {
    return has ? std::optional(at_ms(value)) : std::nullopt;
}

core::ticket get(pb::Ticket const& m, core::centre_config const& config) {
    if (m.rating() > 5) throw codec_error("a snapshot's rating is out of range");
    core::ticket t{.ordinal = m.ordinal(), .issued_for = service_of(m.issued_for(), config), .sequence = m.sequence(),
                   .cls = checked_enum(m.cls(), core::priority_class::appointment), .language = m.language(),
                   .token = {m.token_hi(), m.token_lo()}, .issued = at_ms(m.issued_ms()),
                   .due = optional_ms(m.has_due(), m.due_ms()), .estimated_wait = core::duration{m.estimated_wait_ms()},
                   .people_ahead_at_issue = m.people_ahead(), .estimated_low = core::duration{m.estimated_low_ms()},
                   .estimated_high = core::duration{m.estimated_high_ms()}, .state = checked_enum(m.state(), core::ticket_state::closed),
                   .rating = static_cast<std::uint8_t>(m.rating()), .outcome = m.outcome()};
    for (auto const& mv : m.visits())
        t.visits.push_back({.service = service_of(mv.service(), config), .joined = at_ms(mv.joined_ms()),
                            .called = optional_ms(mv.has_called(), mv.called_ms()), .counter = mv.counter(),
                            .clerk = mv.clerk(), .started = optional_ms(mv.has_started(), mv.started_ms()),
                            .ended = optional_ms(mv.has_ended(), mv.ended_ms()), .recalls = static_cast<int>(mv.recalls()),
                            .end = checked_enum(mv.end(), core::visit_end::transferred), .taken_by = mv.taken_by()});
    return t;
}

}  // namespace

std::string encode_snapshot(core::centre_image const& image, core::centre_config const& config) {
    pb::Snapshot m;
    m.set_day(image.day);
    m.set_closed(image.closed);
    for (auto const& t : image.tickets) put(*m.add_tickets(), t, config);
    for (auto const& c : image.counters) {
        auto& mc = *m.add_counters();
        mc.set_number(c.number);
        mc.set_open(c.open);
        mc.set_paused(c.paused);
        mc.set_clerk(c.clerk);
        mc.set_pause_reason(c.pause_reason);
        put_optional(c.current, [&](bool b) { mc.set_has_current(b); }, [&](auto x) { mc.set_current(x); });
        put_optional(c.last_served, [&](bool b) { mc.set_has_last_served(b); }, [&](auto x) { mc.set_last_served(x); });
        mc.set_priority_streak(c.priority_streak);
        mc.set_normals_owed(c.normals_owed);
        mc.set_since_ms(ms(c.since));
    }
    for (std::size_t s = 0; s < config.services.size(); ++s) {
        auto& ms_ = *m.add_services();
        ms_.set_service(config.services[s].id);
        put(*ms_.mutable_figures(), image.statistics.by_service.at(s));
        for (auto d : image.service_times.at(s)) ms_.add_recent_service_ms(d.count());
    }
    for (auto const& [number, f] : image.statistics.by_counter) {
        auto& mc = *m.add_counter_figures();
        mc.set_counter(number);
        put(*mc.mutable_figures(), f);
    }
    for (auto const& [clerk, f] : image.statistics.by_clerk) {
        auto& mc = *m.add_clerk_figures();
        mc.set_clerk(clerk);
        put(*mc.mutable_figures(), f);
    }
    for (auto const& call : image.recent_calls) {
        auto& mc = *m.add_recent_calls();
        mc.set_number(call.number);
        mc.set_service(config.services.at(call.service).id);
        mc.set_counter(call.counter);
        mc.set_at_ms(ms(call.at));
        mc.set_recall(call.recall);
    }
    m.set_hall_message(image.hall_message);
    for (auto const& u : image.roster.users) put(*m.add_users(), u);
    for (auto const& d : image.roster.devices) put(*m.add_devices(), d);
    put_bookings(m, image.bookings, config);
    for (std::size_t s = 0; s < image.alerts.size(); ++s)
        if (image.alerts[s].level != core::alert_level::none) put(*m.add_alerts(), config.services.at(s).id, image.alerts[s]);
    for (auto const& service : image.services) put(*m.add_services_set_up(), service);
    for (auto const& counter : image.counters_set_up) put(*m.add_counters_set_up(), counter, config);
    if (image.calendar) put(*m.mutable_calendar(), *image.calendar);
    return m.SerializeAsString();
}

// Its own set-up, when it has one, is what its ids are read through (docs/SETUP.md): the file's
// services may since be others.
core::centre_image decode_snapshot(std::string_view bytes, core::centre_config const& file) {
    pb::Snapshot m;
    if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) throw codec_error("it is not a snapshot");
    core::centre_image image{.day = m.day(), .closed = m.closed()};
    auto config = file;
    if (m.services_set_up_size() > 0) {
        config.services.clear();
        config.counters.clear();
        for (auto const& s : m.services_set_up()) config.services.push_back(get(s));
        for (auto const& c : m.counters_set_up()) config.counters.push_back(get(c, config));
        image.services = config.services;
        image.counters_set_up = config.counters;
    }
    if (m.has_calendar()) image.calendar = get(m.calendar());
    image.hall_message = m.hall_message();
    for (auto const& u : m.users()) image.roster.users.push_back(get(u));
    for (auto const& d : m.devices()) image.roster.devices.push_back(get(d));
    image.bookings = get_bookings(m, config);
    for (auto const& t : m.tickets()) image.tickets.push_back(get(t, config));
    for (auto const& c : m.counters())
        image.counters.push_back({.number = c.number(), .open = c.open(), .paused = c.paused(), .clerk = c.clerk(),
                                  .pause_reason = c.pause_reason(),
                                  .current = c.has_current() ? std::optional(c.current()) : std::nullopt,
                                  .last_served = c.has_last_served() ? std::optional(c.last_served()) : std::nullopt,
                                  .priority_streak = c.priority_streak(), .normals_owed = c.normals_owed(),
                                  .since = at_ms(c.since_ms())});
    image.statistics.by_service.resize(config.services.size());
    image.service_times.resize(config.services.size());
    for (auto const& s : m.services()) {
        auto index = service_of(s.service(), config);
        image.statistics.by_service[index] = get(s.figures());
        for (auto d : s.recent_service_ms()) image.service_times[index].push_back(core::duration{d});
    }
    for (auto const& c : m.counter_figures()) image.statistics.by_counter[c.counter()] = get(c.figures());
    for (auto const& c : m.clerk_figures()) image.statistics.by_clerk[c.clerk()] = get(c.figures());
    for (auto const& c : m.recent_calls())
        image.recent_calls.push_back({c.number(), service_of(c.service(), config), c.counter(), at_ms(c.at_ms()), c.recall()});
    image.alerts.resize(config.services.size());
    for (auto const& a : m.alerts()) image.alerts[service_of(a.service(), config)] = get(a);
    return image;
}

}  // namespace novbe::store
