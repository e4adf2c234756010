#include "ticket_report.hpp"

#include <chrono>
#include <cstdio>

namespace novbe::store {

namespace {

char const* const upsert_sql = R"sql(
    INSERT INTO tickets (day, date, ordinal, number, service, current_service, priority, language, token,
                         issued_ms, estimated_wait_ms, people_ahead, called_ms, counter, clerk, started_ms,
                         ended_ms, state, outcome, rating, transfers, recalls)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
    ON CONFLICT (day, ordinal) DO UPDATE SET
        current_service = ?6, called_ms = ?13, counter = ?14, clerk = ?15, started_ms = ?16, ended_ms = ?17,
        state = ?18, outcome = ?19, rating = ?20, transfers = ?21, recalls = ?22
)sql";

std::optional<core::ticket_ordinal> ticket_of(core::event const& ev) {
    return std::visit(
        [](auto const& e) -> std::optional<core::ticket_ordinal> {
            if constexpr (requires { e.ticket; }) return e.ticket;
            else return std::nullopt;
        },
        ev);
}

std::string hex(core::ticket_token const& token) {
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(token.hi),
                  static_cast<unsigned long long>(token.lo));
    return text;
}

}  // namespace

std::string date_of(core::day_number day) {
    std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

ticket_report::ticket_report(database& db)
    : upsert_(db, upsert_sql),
      close_waiting_(db, "UPDATE tickets SET state = 'closed', ended_ms = ?2 WHERE day = ?1 AND state = 'waiting'"),
      close_left_open_(db, "UPDATE tickets SET state = 'closed' WHERE day < ?1 AND state IN ('waiting', 'called', 'serving')") {}

void ticket_report::record(core::event const& ev, core::centre const& c) {
    if (auto t = ticket_of(ev)) return upsert(c.tickets()[*t], c);
    if (auto const* closed = std::get_if<core::day_closed>(&ev)) {
        close_waiting_.bind(1, c.day()).bind(2, closed->at.time_since_epoch().count()).run();
    } else if (auto const* started = std::get_if<core::day_started>(&ev)) {
        close_left_open_.bind(1, started->day).run();
    }
}

void ticket_report::upsert(core::ticket const& t, core::centre const& c) {
    auto ms = [](std::optional<core::time_point> const& at, statement& s, int i) {
        if (at) s.bind(i, at->time_since_epoch().count());
        else s.bind_null(i);
    };
    auto const& v = t.current();
    auto const& services = c.config().services;
    upsert_.bind(1, c.day()).bind_text(2, date_of(c.day())).bind(3, t.ordinal).bind_text(4, c.number_of(t));
    upsert_.bind_text(5, services[t.issued_for].id).bind_text(6, services[v.service].id).bind_text(7, name(t.cls));
    upsert_.bind_text(8, t.language).bind_text(9, hex(t.token)).bind(10, t.issued.time_since_epoch().count());
    upsert_.bind(11, t.estimated_wait.count()).bind(12, t.people_ahead_at_issue);
    ms(v.called, upsert_, 13);
    if (v.counter != 0) upsert_.bind(14, v.counter); else upsert_.bind_null(14);
    upsert_.bind_text(15, v.clerk);
    ms(v.started, upsert_, 16);
    ms(v.ended, upsert_, 17);
    upsert_.bind_text(18, name(t.state)).bind_text(19, t.outcome);
    if (t.rating != 0) upsert_.bind(20, t.rating); else upsert_.bind_null(20);
    upsert_.bind(21, static_cast<std::int64_t>(t.visits.size() - 1)).bind(22, v.recalls);
    upsert_.run();
}

}  // namespace novbe::store
