// The history's rows (service_days) are each day's figures exactly as the engine counted them,
// transfers, no-shows, ratings and closing time included, across a restart in mid-day; the
// history reader gets them back on its own connection while the log is open.
#include "store/history_reader.hpp"
#include "../core/centre_fixture.hpp"
#include "store_fixture.hpp"

#include <gtest/gtest.h>

#include <map>

namespace novbe::store::testing {
namespace {

using figures_by_service = std::map<std::string, core::figures>;

figures_by_service engine_figures(core::centre const& c) {
    figures_by_service out;
    for (std::size_t s = 0; s < c.statistics().by_service.size(); ++s)
        out[c.config().services[s].id] = c.statistics().by_service[s];
    return out;
}

figures_by_service rows_of(std::vector<service_day> const& rows, core::day_number day) {
    figures_by_service out;
    for (auto const& r : rows)
        if (r.day == day) out[r.service] = r.figures;
    return out;
}

// Beyond busy_minutes' calls, completions and ratings: a transfer, a no-show, a waiting ticket.
std::vector<core::event> odd_moments(event_source& source) {
    std::vector<core::event> all;
    auto add = [&](core::command const& cmd) {
        auto events = source.run(cmd);
        all.insert(all.end(), events.begin(), events.end());
    };
    auto const clerk = [&](core::counter_number n) { return source.centre().find_counter(n)->clerk; };
    if (source.centre().find_counter(1)->current) add(core::transfer_ticket{1, 2, clerk(1)});
    add(core::call_next{1, clerk(1)});
    if (source.centre().find_counter(2)->current) add(core::mark_no_show{2, clerk(2)});
    add(core::issue_ticket{0, core::priority_class::normal, "en", {9, 9}});
    return all;
}

TEST(day_figures, each_days_rows_are_the_engines_figures_across_a_restart) {
    temp_dir dir;
    auto const path = dir.file("centre.db");
    std::map<core::day_number, figures_by_service> expected;
    core::day_number first = 0;
    core::centre recovered_state(core::testing::small_centre());
    core::time_point now{};
    {
        event_source source;
        auto opened = event_log::open({.path = path}, source.centre().config());
        append_and_wait(*opened.log, source.busy_minutes(14));
        // The day's last moments and the next day's start in one batch, as a busy writer takes
        // them: the day's last rows must come with the new day, not from a report in between.
        auto batch = odd_moments(source);
        for (auto& e : source.run(core::close_day{})) batch.push_back(std::move(e));  // closes the waiting unserved
        first = source.centre().day();
        expected[first] = engine_figures(source.centre());
        source.advance(std::chrono::days{1});
        for (auto& e : source.busy_minutes(9)) batch.push_back(std::move(e));
        append_and_wait(*opened.log, std::move(batch));
        append_and_wait(*opened.log, odd_moments(source));
        now = core::testing::morning() + std::chrono::days{1} + std::chrono::hours(1);
        opened.log->close();  // the restart comes in the middle of the second day
    }
    auto opened = event_log::open({.path = path}, core::testing::small_centre());
    event_source source(std::move(opened.centre), now);
    append_and_wait(*opened.log, source.busy_minutes(6));
    expected[first + 1] = engine_figures(source.centre());
    source.advance(std::chrono::days{1});
    append_and_wait(*opened.log, source.busy_minutes(11));
    append_and_wait(*opened.log, odd_moments(source));
    opened.log->close();  // a whole report writes today's rows too
    expected[first + 2] = engine_figures(source.centre());

    history_reader reader(path);
    auto rows = reader.read(first, first + 2);
    core::figures issued_by_days, issued_by_rows;
    for (auto const& [day, by_service] : expected) {
        EXPECT_EQ(by_service, rows_of(rows, day)) << "day " << day - first;
        for (auto const& [id, f] : by_service) issued_by_days += f;
    }
    for (auto const& r : rows) issued_by_rows += r.figures;
    EXPECT_EQ(issued_by_days, issued_by_rows);
    EXPECT_GT(issued_by_rows.transferred_in, 0u);  // the days held what the test means them to
    EXPECT_GT(issued_by_rows.no_shows, 0u);
    EXPECT_GT(issued_by_rows.closed_unserved, 0u);
    EXPECT_GT(issued_by_rows.ratings, 0u);
    EXPECT_TRUE(reader.read(first + 3, first + 9).empty());
}

}  // namespace
}  // namespace novbe::store::testing
