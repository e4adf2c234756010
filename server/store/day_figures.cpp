#include "day_figures.hpp"

namespace novbe::store {

namespace {

char const* const upsert_sql = R"sql(
    INSERT OR REPLACE INTO service_days (day, service, issued, transferred_in, called, served, no_shows,
        transferred_out, cancelled, closed_unserved, within_target, wait_sum_ms, wait_max_ms, service_sum_ms,
        ratings, rated_1, rated_2, rated_3, rated_4, rated_5, estimates, estimate_error_sum_ms, walks, walk_sum_ms)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)
)sql";

}  // namespace

day_figures::day_figures(database& db) : upsert_(db, upsert_sql) {}

void day_figures::write(core::centre const& c) {
    if (c.day() == core::no_day) return;
    auto const& by_service = c.statistics().by_service;
    auto const& services = c.config().services;
    for (std::size_t s = 0; s < by_service.size() && s < services.size(); ++s) {
        auto const& f = by_service[s];
        upsert_.bind(1, c.day()).bind_text(2, services[s].id);
        upsert_.bind(3, f.issued).bind(4, f.transferred_in).bind(5, f.called).bind(6, f.served).bind(7, f.no_shows);
        upsert_.bind(8, f.transferred_out).bind(9, f.cancelled).bind(10, f.closed_unserved).bind(11, f.within_target);
        upsert_.bind(12, f.wait_sum.count()).bind(13, f.wait_max.count()).bind(14, f.service_sum.count());
        upsert_.bind(15, f.ratings);
        for (std::size_t r = 0; r < f.rating_counts.size(); ++r) upsert_.bind(16 + static_cast<int>(r), f.rating_counts[r]);
        upsert_.bind(21, f.estimates).bind(22, f.estimate_error_sum.count());
        upsert_.bind(23, f.walks).bind(24, f.walk_sum.count());
        upsert_.run();
    }
}

}  // namespace novbe::store
