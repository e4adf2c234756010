// The log: durable completions, gap-free sequences, recovery through snapshots, the report.
#include "store/database.hpp"
#include "store_fixture.hpp"

#include "../core/centre_fixture.hpp"

#include <gtest/gtest.h>

#include <future>
#include <thread>

namespace novbe::store::testing {
namespace {

log_options at(std::string path) { return log_options{.path = std::move(path), .snapshot_every = 100}; }

// As a crash before any snapshot leaves the file: a start must replay every event.
void no_snapshots(std::string const& path) {
    database db(path);
    db.exec("DELETE FROM snapshots");
}

TEST(event_log, a_new_file_starts_empty_and_appends_get_consecutive_sequences) {
    temp_dir dir;
    auto opened = event_log::open(at(dir.file("centre.db")), core::testing::small_centre());
    EXPECT_EQ(0u, opened.last_sequence);
    event_source source;
    auto first = append_and_wait(*opened.log, source.run(core::issue_ticket{0, {}, "en", {1, 1}}));
    ASSERT_FALSE(first.ec) << first.ec.message();
    EXPECT_EQ(2u, first.last_sequence);  // day_started, then the ticket
    auto second = append_and_wait(*opened.log, source.run(core::issue_ticket{0, {}, "en", {1, 2}}));
    EXPECT_EQ(3u, second.last_sequence);
    EXPECT_EQ(3u, opened.log->last_durable());
}

TEST(event_log, a_wait_with_nothing_to_write_is_answered_but_is_no_commit) {
    temp_dir dir;
    auto opened = event_log::open(at(dir.file("centre.db")), core::testing::small_centre());
    event_source source;
    ASSERT_FALSE(append_and_wait(*opened.log, source.run(core::issue_ticket{0, {}, "en", {1, 1}})).ec);
    for (int i = 0; i < 3; ++i) {  // as a read's after_durable asks
        auto read = append_and_wait(*opened.log, {});
        EXPECT_FALSE(read.ec) << read.ec.message();
        EXPECT_EQ(2u, read.last_sequence);
    }
    auto figures = opened.log->statistics();
    EXPECT_EQ(1u, figures.commits);
    EXPECT_EQ(2u, figures.events);
}

TEST(event_log, reopening_recovers_the_same_centre) {
    temp_dir dir;
    event_source source;
    {
        auto opened = event_log::open(at(dir.file("centre.db")), source.centre().config());
        for (int i = 0; i < 10; ++i) ASSERT_FALSE(append_and_wait(*opened.log, source.busy_minutes(20)).ec);
    }
    auto again = event_log::open(at(dir.file("centre.db")), source.centre().config());
    EXPECT_TRUE(again.centre == source.centre());
    EXPECT_EQ(0u, again.replayed) << "a clean close leaves a snapshot, so nothing is replayed";
}

TEST(event_log, recovery_replays_the_events_after_the_newest_snapshot) {
    temp_dir dir;
    event_source source;
    std::uint64_t last = 0;
    {
        auto opened = event_log::open(at(dir.file("centre.db")), source.centre().config());
        for (int i = 0; i < 10; ++i) last = append_and_wait(*opened.log, source.busy_minutes(20)).last_sequence;
        opened.log->close();
    }
    {  // drop the close-time snapshot, as a crash would have left things
        database db(dir.file("centre.db"));
        db.exec("DELETE FROM snapshots WHERE seq = (SELECT max(seq) FROM snapshots)");
    }
    auto again = event_log::open(at(dir.file("centre.db")), source.centre().config());
    EXPECT_GT(again.replayed, 0u);
    EXPECT_LT(again.replayed, 200u);  // snapshots every 100 events
    EXPECT_EQ(last, again.last_sequence);
    EXPECT_TRUE(again.centre == source.centre());
}

// docs/SETUP.md#hours-and-holidays: a crash before any snapshot still has the admin's calendar.
TEST(event_log, an_admins_calendar_is_replayed_after_a_crash) {
    temp_dir dir;
    event_source source;
    {
        auto opened = event_log::open(at(dir.file("centre.db")), source.centre().config());
        ASSERT_FALSE(append_and_wait(*opened.log, source.busy_minutes(3)).ec);
        auto set = source.run(core::set_holiday{core::day_of(core::testing::morning(), std::chrono::hours(4), {}) + 2, true, "aysel"});
        ASSERT_EQ(1u, set.size());
        ASSERT_FALSE(append_and_wait(*opened.log, set).ec);
        opened.log->close();
    }
    no_snapshots(dir.file("centre.db"));
    auto again = event_log::open(at(dir.file("centre.db")), source.centre().config());
    EXPECT_GT(again.replayed, 0u);
    EXPECT_TRUE(again.centre == source.centre());
    EXPECT_EQ(1u, again.centre.appointments().config().calendar.holidays.size());
    EXPECT_TRUE(again.centre.appointments().calendar_set());
}

// A manager's move (docs/DOMAIN.md#transfer) is a transfer at no counter: a start replays it, from
// the log and into the resume window, rather than refusing the log as naming counter 0.
TEST(event_log, a_managers_move_is_replayed_after_a_crash) {
    temp_dir dir;
    event_source source;
    {
        auto opened = event_log::open(at(dir.file("centre.db")), source.centre().config());
        ASSERT_FALSE(append_and_wait(*opened.log, source.run(core::issue_ticket{0, core::priority_class::normal, "en", {3, 3}})).ec);
        auto moved = source.run(core::move_ticket{"A001", 1, "wrong_service"});
        ASSERT_EQ(1u, moved.size());
        ASSERT_FALSE(append_and_wait(*opened.log, moved).ec);
        opened.log->close();
    }
    no_snapshots(dir.file("centre.db"));
    auto options = at(dir.file("centre.db"));
    std::size_t told = 0;
    options.resume_window = 100;
    options.recent = [&](std::uint64_t, core::event const&, core::centre const&, core::actor const&) { ++told; };
    auto again = event_log::open(std::move(options), source.centre().config());
    EXPECT_TRUE(again.centre == source.centre());
    EXPECT_EQ(1u, again.centre.queue(1).size()) << "A001 waits in the second line";
    EXPECT_EQ(again.last_sequence, told);
}

TEST(event_log, concurrent_appends_are_all_durable_without_gaps) {
    temp_dir dir;
    event_source source;
    auto opened = event_log::open(at(dir.file("centre.db")), source.centre().config());
    std::mutex core;  // the server's core strand: decide, apply and append in one order
    std::vector<std::thread> producers;
    std::atomic<int> failures{0};
    for (int p = 0; p < 8; ++p)
        producers.emplace_back([&] {
            for (int i = 0; i < 50; ++i) {
                std::promise<std::error_code> done;
                {
                    std::lock_guard lock(core);
                    opened.log->append(source.busy_minutes(1), [&](std::error_code ec, std::uint64_t) { done.set_value(ec); });
                }
                if (done.get_future().get()) ++failures;
            }
        });
    for (auto& t : producers) t.join();
    EXPECT_EQ(0, failures.load());
    database db(dir.file("centre.db"));
    auto count = db.query_int("SELECT count(*) FROM events");
    EXPECT_EQ(count, db.query_int("SELECT max(seq) FROM events"));
    EXPECT_EQ(static_cast<std::int64_t>(opened.log->last_durable()), count);
}

TEST(event_log, the_report_holds_each_ticket_with_its_outcome) {
    temp_dir dir;
    event_source source;
    auto opened = event_log::open(at(dir.file("centre.db")), source.centre().config());
    append_and_wait(*opened.log, source.busy_minutes(12));
    append_and_wait(*opened.log, source.run(core::close_day{}));
    database db(dir.file("centre.db"));
    std::map<std::string, std::pair<int, int>> expected;  // state -> tickets, rated
    for (auto const& t : source.centre().tickets()) {
        auto& [tickets, rated] = expected[std::string(name(t.state))];
        ++tickets;
        rated += t.rating != 0;
    }
    statement rows(db, "SELECT state, count(*), sum(rating IS NOT NULL) FROM tickets GROUP BY state");
    std::map<std::string, std::pair<int, int>> reported;
    while (rows.step())
        reported[std::string(rows.column_text(0))] = {static_cast<int>(rows.column_int(1)), static_cast<int>(rows.column_int(2))};
    EXPECT_EQ(expected, reported);
    EXPECT_EQ(3u, expected.size()) << "the day should end with called, done and closed tickets";
    EXPECT_EQ(12, db.query_int("SELECT count(*) FROM tickets WHERE date = '2026-11-28' AND language = 'az'"));
    EXPECT_EQ(4, db.query_int("SELECT count(DISTINCT clerk) FROM tickets"));
}

TEST(event_log, a_new_day_closes_what_the_day_before_left_open_also_when_rebuilt) {
    temp_dir dir;
    event_source source;
    auto const path = dir.file("centre.db");
    auto open_rows = [&] {
        database db(path);
        return db.query_int("SELECT count(*) FROM tickets WHERE state IN ('waiting', 'called', 'serving')");
    };
    {
        auto opened = event_log::open(at(path), source.centre().config());
        append_and_wait(*opened.log, source.busy_minutes(12));  // no closing time: the server was stopped
    }
    ASSERT_GT(open_rows(), 0);
    {
        auto opened = event_log::open(at(path), source.centre().config());
        source.advance(std::chrono::hours(24));
        auto next_morning = source.run(core::issue_ticket{0, {}, "en", {9, 9}});
        ASSERT_TRUE(std::holds_alternative<core::day_started>(next_morning.front()));
        append_and_wait(*opened.log, std::move(next_morning));
    }
    EXPECT_EQ(1, open_rows()) << "only today's new ticket waits";
    {
        database db(path);  // as if the report's transactions since the first event were lost
        db.exec("DELETE FROM tickets WHERE day = (SELECT max(day) FROM tickets)");
        db.exec("UPDATE report_state SET reported_seq = 1");
        db.exec("DELETE FROM snapshots");
    }
    event_log::open(at(path), source.centre().config());
    EXPECT_EQ(1, open_rows());
}

TEST(event_log, a_report_left_behind_by_a_crash_is_rebuilt_from_the_log_at_start) {
    temp_dir dir;
    event_source source;
    {
        auto opened = event_log::open(at(dir.file("centre.db")), source.centre().config());
        append_and_wait(*opened.log, source.busy_minutes(12));
    }
    std::int64_t rows = 0;
    {
        database db(dir.file("centre.db"));
        rows = db.query_int("SELECT count(*) FROM tickets WHERE state = 'done'");
        db.exec("DELETE FROM tickets WHERE ordinal > 2");  // as if the report's last transaction was lost
        db.exec("UPDATE report_state SET reported_seq = 3");
        db.exec("DELETE FROM snapshots");
    }
    event_log::open(at(dir.file("centre.db")), source.centre().config());
    database db(dir.file("centre.db"));
    EXPECT_EQ(12, db.query_int("SELECT count(*) FROM tickets"));
    EXPECT_EQ(rows, db.query_int("SELECT count(*) FROM tickets WHERE state = 'done'"));
    EXPECT_EQ(db.query_int("SELECT max(seq) FROM events"), db.query_int("SELECT reported_seq FROM report_state"));
}

TEST(event_log, an_answer_kept_under_an_idempotency_key_is_there_after_a_restart) {
    temp_dir dir;
    event_source source;
    {
        auto opened = event_log::open(at(dir.file("centre.db")), source.centre().config());
        std::promise<std::error_code> done;
        opened.log->append(event_log::request{.events = source.busy_minutes(1),
                                              .done = [&](std::error_code ec, std::uint64_t) { done.set_value(ec); },
                                              .key = "kiosk:hall 1:000017", .reply = "the first answer"});
        ASSERT_FALSE(done.get_future().get());
    }
    auto again = event_log::open(at(dir.file("centre.db")), source.centre().config());
    ASSERT_EQ(1u, again.replies.size());
    EXPECT_EQ("kiosk:hall 1:000017", again.replies[0].key);
    EXPECT_EQ("the first answer", again.replies[0].reply);
    EXPECT_EQ(source.centre().day(), again.replies[0].day);
}

TEST(event_log, events_out_of_order_are_rejected_and_the_log_stops) {
    temp_dir dir;
    event_source source;
    auto opened = event_log::open(at(dir.file("centre.db")), source.centre().config());
    auto events = source.busy_minutes(2);
    std::swap(events.front(), events.back());
    auto result = append_and_wait(*opened.log, events);
    EXPECT_EQ(std::error_code(log_errc::rejected), result.ec);
    EXPECT_TRUE(opened.log->failed());
    EXPECT_EQ(std::error_code(log_errc::failed), append_and_wait(*opened.log, {}).ec);
    EXPECT_EQ(0u, opened.log->last_durable());
}

TEST(event_log, a_closed_log_refuses_appends) {
    temp_dir dir;
    auto opened = event_log::open(at(dir.file("centre.db")), core::testing::small_centre());
    opened.log->close();
    event_source source;
    EXPECT_EQ(std::error_code(log_errc::closed), append_and_wait(*opened.log, source.busy_minutes(1)).ec);
}

}  // namespace
}  // namespace novbe::store::testing
