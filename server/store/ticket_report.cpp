#include "ticket_report.hpp"


namespace novbe::store {

namespace {

char const* const upsert_sql = R"sql(
    INSERT INTO tickets (day, ordinal, number, service, current_service, priority, language,
                         issued_ms, estimated_wait_ms, people_ahead, called_ms, counter, clerk, started_ms,
                         ended_ms, state, outcome, rating, transfers, recalls)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
    ON CONFLICT (day, ordinal) DO UPDATE SET
        current_service = ?5, called_ms = ?11, counter = ?12, clerk = ?13, started_ms = ?14, ended_ms = ?15,
        state = ?16, outcome = ?17, rating = ?18, transfers = ?19, recalls = ?20
)sql";

}  // namespace

std::optional<core::ticket_ordinal> ticket_of(core::event const& ev) {
    return std::visit(
        [](auto const& e) -> std::optional<core::ticket_ordinal> {
            if constexpr (requires { core::ticket_ordinal{e.ticket}; })
                return e.ticket;  // not a check-in's, which is the ticket's token
            else return std::nullopt;
        },
        ev);
}

std::optional<core::ticket_ordinal> ticket_changed(core::event const& ev, core::centre const& after) {
    if (auto t = ticket_of(ev)) return t;
    if (auto const* taken = std::get_if<core::counter_taken_over>(&ev))  // the ticket at it changes hands
        if (auto const* counter = after.find_counter(taken->counter)) return counter->current;
    return std::nullopt;
}

ticket_report::ticket_report(database& db)
    : upsert_(db, upsert_sql),
      close_waiting_(db, "UPDATE tickets SET state = 'closed', ended_ms = ?2 WHERE day = ?1 AND state = 'waiting'"),
      close_left_open_(db, "UPDATE tickets SET state = 'closed' WHERE day >= ?1 AND day < ?2 AND state IN ('waiting', 'called', 'serving')") {}

void ticket_report::record(core::event const& ev, core::centre const& c, core::day_number day_before) {
    if (auto t = ticket_changed(ev, c)) return upsert(c.tickets()[*t], c);
    if (auto const* closed = std::get_if<core::day_closed>(&ev)) close_waiting(c.day(), closed->at);
    if (auto const* started = std::get_if<core::day_started>(&ev)) close_left_open(day_before, started->day);
}

void ticket_report::close_waiting(core::day_number day, core::time_point at) {
    close_waiting_.bind(1, day).bind(2, at.time_since_epoch().count()).run();
}

// Only the days since the one before: earlier days were closed at their own roll-over, and the
// table holds years of them (a scan of all would stall the day's first ticket).
void ticket_report::close_left_open(core::day_number day_before, core::day_number new_day) {
    close_left_open_.bind(1, day_before).bind(2, new_day).run();
}

// Texts are bound without a copy (the writer's busiest statement): `t`, `c` and `number`
// outlive run().
void ticket_report::upsert(core::ticket const& t, core::centre const& c) {
    auto ms = [](std::optional<core::time_point> const& at, statement& s, int i) {
        if (at) s.bind(i, at->time_since_epoch().count());
        else s.bind_null(i);
    };
    auto const& v = t.current();
    auto const& services = c.config().services;
    auto const number = c.number_of(t);
    upsert_.bind(1, c.day()).bind(2, t.ordinal).bind_text_unowned(3, number);
    upsert_.bind_text_unowned(4, services[t.issued_for].id).bind_text_unowned(5, services[v.service].id);
    upsert_.bind_text_unowned(6, name(t.cls)).bind_text_unowned(7, t.language).bind(8, t.issued.time_since_epoch().count());
    upsert_.bind(9, t.estimated_wait.count()).bind(10, t.people_ahead_at_issue);
    ms(v.called, upsert_, 11);
    if (v.counter != 0) upsert_.bind(12, v.counter); else upsert_.bind_null(12);
    upsert_.bind_text_unowned(13, v.credited());  // who finished the stay: the taker after a takeover
    ms(v.started, upsert_, 14);
    ms(v.ended, upsert_, 15);
    upsert_.bind_text_unowned(16, name(t.state)).bind_text_unowned(17, t.outcome);
    if (t.rating != 0) upsert_.bind(18, t.rating); else upsert_.bind_null(18);
    upsert_.bind(19, static_cast<std::int64_t>(t.visits.size() - 1)).bind(20, v.recalls);
    upsert_.run();
}

}  // namespace novbe::store
