#include "day_figures.hpp"

#include <sqlite3.h>

namespace novbe::store {

namespace {

std::string const upsert_sql = std::string("INSERT OR REPLACE INTO service_days (day, service, ") + figure_columns +
                               ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                               "?18, ?19, ?20, ?21, ?22, ?23, ?24)";
std::string const upsert_staff_sql = std::string("INSERT OR REPLACE INTO staff_days (day, kind, who, ") + figure_columns +
                                     ", idle_waiting_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                     "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)";
char const* const forget_pauses_sql = "DELETE FROM staff_pauses WHERE day = ?1 AND kind = ?2 AND who = ?3";
char const* const add_pause_sql = "INSERT INTO staff_pauses (day, kind, who, reason, paused_ms) VALUES (?1, ?2, ?3, ?4, ?5)";

std::uint32_t u32(sqlite3_stmt* s, int i) { return static_cast<std::uint32_t>(sqlite3_column_int64(s, i)); }
core::duration ms(sqlite3_stmt* s, int i) { return core::duration{sqlite3_column_int64(s, i)}; }

}  // namespace

void bind_figures(statement& s, int first, core::figures const& f) {
    std::int64_t const values[figure_column_count] = {
        f.issued, f.transferred_in, f.called, f.served, f.no_shows, f.transferred_out, f.cancelled,
        f.closed_unserved, f.within_target, f.wait_sum.count(), f.wait_max.count(), f.service_sum.count(),
        f.ratings, f.rating_counts[0], f.rating_counts[1], f.rating_counts[2], f.rating_counts[3],
        f.rating_counts[4], f.estimates, f.estimate_error_sum.count(), f.walks, f.walk_sum.count()};
    for (int i = 0; i < figure_column_count; ++i) s.bind(first + i, values[i]);
}

core::figures read_figures(sqlite3_stmt* s, int first) {
    core::figures f;
    int i = first;
    f.issued = u32(s, i++);
    f.transferred_in = u32(s, i++);
    f.called = u32(s, i++);
    f.served = u32(s, i++);
    f.no_shows = u32(s, i++);
    f.transferred_out = u32(s, i++);
    f.cancelled = u32(s, i++);
    f.closed_unserved = u32(s, i++);
    f.within_target = u32(s, i++);
    f.wait_sum = ms(s, i++);
    f.wait_max = ms(s, i++);
    f.service_sum = ms(s, i++);
    f.ratings = u32(s, i++);
    for (auto& n : f.rating_counts) n = u32(s, i++);
    f.estimates = u32(s, i++);
    f.estimate_error_sum = ms(s, i++);
    f.walks = u32(s, i++);
    f.walk_sum = ms(s, i++);
    return f;
}

day_figures::day_figures(database& db)
    : upsert_(db, upsert_sql),
      upsert_staff_(db, upsert_staff_sql),
      forget_pauses_(db, forget_pauses_sql),
      add_pause_(db, add_pause_sql) {}

void day_figures::write(core::centre const& c) {
    if (c.day() == core::no_day) return;
    auto const& by_service = c.statistics().by_service;
    auto const& services = c.config().services;
    for (std::size_t s = 0; s < by_service.size() && s < services.size(); ++s) {
        upsert_.bind(1, c.day()).bind_text(2, services[s].id);
        bind_figures(upsert_, 3, by_service[s]);
        upsert_.run();
    }
    if (written_day_ != c.day()) written_.clear();
    written_day_ = c.day();
    for (auto const& [n, f] : c.statistics().by_counter) write_staff(c.day(), staff_kind::counter, std::to_string(n), f);
    for (auto const& [clerk, f] : c.statistics().by_clerk) write_staff(c.day(), staff_kind::clerk, clerk, f);
}

void day_figures::write_staff(core::day_number day, staff_kind kind, std::string const& who, core::figures const& f) {
    auto [at, added] = written_.try_emplace({kind, who});
    if (!added && at->second == f) return;
    auto const k = static_cast<std::int64_t>(kind);
    upsert_staff_.bind(1, day).bind(2, k).bind_text(3, who);
    bind_figures(upsert_staff_, 4, f);
    upsert_staff_.bind(26, f.idle_waiting.count()).run();
    forget_pauses_.bind(1, day).bind(2, k).bind_text(3, who).run();
    for (auto const& [reason, paused] : f.pause_by_reason)
        add_pause_.bind(1, day).bind(2, k).bind_text(3, who).bind_text(4, reason).bind(5, paused.count()).run();
    at->second = f;
}

}  // namespace novbe::store
