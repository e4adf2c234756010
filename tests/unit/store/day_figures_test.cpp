// The history's rows (service_days, staff_days) are each day's figures exactly as the engine
// counted them, transfers, no-shows, ratings, pauses and closing time included, across a restart
// in mid-day; the history reader gets them back on its own connection while the log is open.
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

// The counters' and clerks' figures of a day, to be summed over the days.
struct staff_figures {
    std::map<core::counter_number, core::figures> by_counter;
    std::map<std::string, core::figures> by_clerk;
    void add(core::centre const& c) {
        for (auto const& [n, f] : c.statistics().by_counter) by_counter[n] += f;
        for (auto const& [clerk, f] : c.statistics().by_clerk) by_clerk[clerk] += f;
    }
};

// Beyond busy_minutes' calls, completions and ratings: a transfer, a no-show, a pause of five
// minutes at the counter left free, a waiting ticket.
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
    if (!source.centre().find_counter(2)->current) {
        add(core::pause_counter{2, "lunch", clerk(2)});
        source.advance(std::chrono::minutes(5));
        add(core::resume_counter{2, clerk(2)});
    }
    add(core::issue_ticket{0, core::priority_class::normal, "en", {9, 9}});
    return all;
}

TEST(day_figures, each_days_rows_are_the_engines_figures_across_a_restart) {
    temp_dir dir;
    auto const path = dir.file("centre.db");
    std::map<core::day_number, figures_by_service> expected;
    staff_figures staff;
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
        staff.add(source.centre());
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
    staff.add(source.centre());
    source.advance(std::chrono::days{1});
    append_and_wait(*opened.log, source.busy_minutes(11));
    append_and_wait(*opened.log, odd_moments(source));
    opened.log->close();  // a whole report writes today's rows too
    expected[first + 2] = engine_figures(source.centre());
    staff.add(source.centre());

    history_reader reader(path);
    auto range = reader.read(first, first + 2);
    auto const& rows = range.days;
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
    // The counters and clerks: the range's sums are the days' as the engine counted them.
    EXPECT_EQ(staff.by_counter, range.by_counter);
    EXPECT_EQ(staff.by_clerk, range.by_clerk);
    ASSERT_TRUE(range.by_counter.contains(2));
    EXPECT_GE(range.by_counter.at(2).pause_by_reason.at("lunch"), core::duration(std::chrono::minutes(5)));
    EXPECT_GT(range.by_clerk.at("clerk1").walks, 0u);
    EXPECT_EQ(staff.by_counter, reader.read(first - 5, first + 20).by_counter);
    auto later = reader.read(first + 3, first + 9);
    EXPECT_TRUE(later.days.empty());
    EXPECT_TRUE(later.by_counter.empty());
    EXPECT_TRUE(later.by_clerk.empty());
}

}  // namespace
}  // namespace novbe::store::testing
