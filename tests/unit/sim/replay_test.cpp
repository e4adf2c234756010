// novbe-sim --replay: a real log written through the store (tests/unit/store's fixtures) with a
// known day; the citizens, counters' plans and "as it happened" waits read back from it.
#include "replay.hpp"

#include "day_file.hpp"
#include "log_day.hpp"
#include "report.hpp"

#include "../core/centre_fixture.hpp"
#include "../store/store_fixture.hpp"
#include "core/errc.hpp"
#include "store/database.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace novbe::sim {
namespace {

using namespace std::chrono_literals;
using core::service_index;
constexpr service_index passport = 0, id_card = 1;

std::string bytes_of(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The engine as the server drives it, each command's events made durable in the log at once.
struct centre_day {
    core::centre c{core::testing::small_centre()};
    store::event_log& log;
    core::time_point start;
    std::uint64_t token = 1;

    void at(core::duration after_start, core::command const& cmd) {
        auto out = c.decide(cmd, start + after_start);
        ASSERT_TRUE(out.ok()) << core::name(out.error());
        for (auto const& ev : out.events()) c.apply(ev);
        ASSERT_FALSE(store::testing::append_and_wait(log, out.events()).ec);
    }
    void issue(core::duration t, service_index s, bool priority = false) {
        at(t, core::issue_ticket{.service = s, .cls = priority ? core::priority_class::priority : core::priority_class::normal,
                                 .language = "en", .token = {.hi = 7, .lo = token++}});
    }
};

class replay_test : public ::testing::Test {
protected:
    store::testing::temp_dir dir;
    std::string path = dir.file("centre.db");
    core::day_statistics known_day;  // the engine's own figures of 2026-11-29, at its end

    // 2026-11-28: one ticket served; 2026-11-29: the known day below; 2026-11-30: a counter opens
    // and closes, nobody comes. The centre is small_centre(): counter 1 serves passport, 2 both.
    void SetUp() override { write_days(path, {.path = path}); }

    void write_days(std::string const& file, store::log_options options) {
        options.path = file;
        auto opened = store::event_log::open(options, core::testing::small_centre());
        centre_day day{.log = *opened.log, .start = core::testing::morning()};
        day.at(0s, core::open_counter{.counter = 1, .clerk = "ana"});
        day.issue(1min, passport);
        day.at(2min, core::call_next{.counter = 1, .by = "ana"});
        day.at(3min, core::start_serving{.counter = 1, .by = "ana"});
        day.at(9min, core::complete_service{.counter = 1, .by = "ana"});
        day.at(10min, core::close_counter{.counter = 1, .by = "ana"});

        day.start += 24h;  // 08:00 on 2026-11-29
        day.at(0s, core::open_counter{.counter = 2, .clerk = "bob"});
        day.issue(1min, passport);                                      // #0
        day.at(1min + 30s, core::call_next{.counter = 2, .by = "bob"});  // waited 30 s
        day.at(2min, core::start_serving{.counter = 2, .by = "bob"});
        day.issue(3min, passport, true);                                 // #1, priority
        day.issue(4min, id_card);                                        // #2
        day.at(5min, core::open_counter{.counter = 1, .clerk = "ana"});
        day.at(5min + 10s, core::call_next{.counter = 1, .by = "ana"});  // #1 waited 2:10
        day.at(5min + 40s, core::start_serving{.counter = 1, .by = "ana"});
        day.at(6min, core::complete_service{.counter = 2, .by = "bob"});  // #0 served 4:00
        day.at(6min + 10s, core::call_next{.counter = 2, .by = "bob"});   // #2 waited 2:10
        day.at(7min + 10s, core::mark_no_show{.counter = 2, .by = "bob"});
        day.at(7min + 20s, core::pause_counter{.counter = 2, .reason = "break", .by = "bob"});
        day.at(9min + 40s, core::transfer_ticket{.counter = 1, .to = id_card, .by = "ana"});  // #1 served 4:00
        day.at(12min + 20s, core::resume_counter{.counter = 2, .by = "bob"});
        day.at(12min + 30s, core::call_next{.counter = 2, .by = "bob"});  // #1 waited 2:50 in id_card's line
        day.at(13min, core::start_serving{.counter = 2, .by = "bob"});
        day.at(16min, core::complete_service{.counter = 2, .by = "bob"});  // served 3:00
        day.issue(17min, passport);                                        // #3, never called
        day.at(18min, core::close_counter{.counter = 1, .by = "ana"});
        day.at(20min, core::close_day{});
        known_day = day.c.statistics();

        day.start += 24h;
        day.at(0s, core::open_counter{.counter = 1, .clerk = "ana"});
        day.at(1min, core::close_counter{.counter = 1, .by = "ana"});
        opened.log->close();
    }
};

TEST_F(replay_test, the_citizens_and_counters_plans_are_the_days_own) {
    auto before = bytes_of(path);
    auto r = replay_day(path, parse_day("2026-11-29"));
    EXPECT_EQ(bytes_of(path), before) << "the log is never written";

    auto const& cs = r.citizens;
    ASSERT_EQ(cs.size(), 4u);
    auto is = [](citizen const& c, core::duration at, service_index s, bool priority, bool no_show, bool transfer,
                 core::duration served, core::duration second) {
        EXPECT_EQ(c.at, at);
        EXPECT_EQ(c.service, s);
        EXPECT_EQ(c.priority, priority);
        EXPECT_EQ(c.no_show, no_show);
        EXPECT_EQ(c.transfer, transfer);
        EXPECT_EQ(c.service_time, served);
        EXPECT_EQ(c.second_time, second);
    };
    is(cs[0], 1min, passport, false, false, false, 4min, 0s);
    is(cs[1], 3min, passport, true, false, true, 4min, 3min);
    is(cs[2], 4min, id_card, false, true, false, 5min, 0s);  // never served: the service's prior
    is(cs[3], 17min, passport, false, false, false, 6min, 0s);

    auto const& d = r.d;
    ASSERT_EQ(d.centre.services.size(), 3u);
    EXPECT_EQ(d.centre.services[passport].id, "passport");
    EXPECT_EQ(d.centre.services[passport].target_wait, 10min);
    EXPECT_EQ(d.services[passport].transfer_to, id_card);
    EXPECT_FALSE(d.services[id_card].transfer_to);
    ASSERT_EQ(d.centre.counters.size(), 2u);  // those that opened
    EXPECT_EQ(d.centre.counters[0].number, 1u);
    EXPECT_EQ(d.centre.counters[1].number, 2u);
    EXPECT_EQ(d.centre.counters[1].services, (std::vector<service_index>{passport, id_card}));
    EXPECT_EQ(d.counters[0].open, 5min);
    EXPECT_EQ(d.counters[0].close, 18min);
    EXPECT_TRUE(d.counters[0].breaks.empty());
    EXPECT_EQ(d.counters[1].open, 0s);
    EXPECT_EQ(d.counters[1].close, 20min);  // still open at the day's close
    ASSERT_EQ(d.counters[1].breaks.size(), 1u);
    EXPECT_EQ(d.counters[1].breaks[0].at, 7min + 20s);
    EXPECT_EQ(d.counters[1].breaks[0].length, 5min);
    EXPECT_EQ(d.walk, 30s);
    EXPECT_EQ(d.no_show_after, 60s);
    EXPECT_EQ(d.opening, 4h);  // 08:00 at UTC+4, on the simulator's UTC clock

    // The replayed day runs like a day file.
    auto run = simulate(d, cs, variant{});
    EXPECT_EQ(run.tickets, 4u);
    EXPECT_EQ(run.overall.unserved, 0u);  // an idle counter calls #3 at once
}

TEST_F(replay_test, the_as_it_happened_waits_are_the_engines_figures_of_that_day) {
    auto r = replay_day(path, parse_day("2026-11-29")).as_happened;
    EXPECT_EQ(r.variant, "as it happened");
    EXPECT_EQ(r.tickets, 4u);
    std::uint32_t called = 0, within = 0;
    core::duration sum{}, max{};
    for (service_index s = 0; s < 3; ++s) {
        auto const& engine = known_day.by_service[s];
        auto const& line = r.services[s];
        EXPECT_EQ(line.waits, engine.called) << s;
        EXPECT_EQ(line.no_shows, engine.no_shows) << s;
        EXPECT_EQ(line.unserved, engine.closed_unserved) << s;
        if (engine.called == 0) continue;
        EXPECT_DOUBLE_EQ(line.mean, std::chrono::duration<double>(engine.wait_sum).count() / engine.called) << s;
        EXPECT_DOUBLE_EQ(line.max, std::chrono::duration<double>(engine.wait_max).count()) << s;
        EXPECT_DOUBLE_EQ(line.within_target, double(engine.within_target) / engine.called) << s;
        called += engine.called, within += engine.within_target, sum += engine.wait_sum, max = std::max(max, engine.wait_max);
    }
    EXPECT_EQ(called, 4u);  // 30 s, 2:10, 2:10 and 2:50
    EXPECT_EQ(r.overall.waits, called);
    EXPECT_DOUBLE_EQ(r.overall.mean, (30 + 130 + 130 + 170) / 4.0);
    EXPECT_DOUBLE_EQ(r.overall.mean, std::chrono::duration<double>(sum).count() / called);
    EXPECT_DOUBLE_EQ(r.overall.max, std::chrono::duration<double>(max).count());
    EXPECT_EQ(r.overall.unserved, 1u);
    EXPECT_EQ(r.priority.waits, 2u);  // #1's two visits
    // Counter 2: called or serving 1:30-6:00, 6:10-7:10, 12:30-16:00 over 20 min open less a 5 min break.
    EXPECT_DOUBLE_EQ(r.services[id_card].utilisation, (270.0 + 60 + 210) / (1200 - 300));
}

// tools/sim/README.md#replaying-a-real-day: the set-up and state at the day's start from the
// newest snapshot before it, then the events after it. A log snapshotted after (almost) every
// event, and keeping them (a resume window longer than the log), starts the day from a
// snapshot kept just before it; the day must come out as from the plain log, which keeps only
// its newest snapshot (after the last day) and so replays from the log's first event.
TEST_F(replay_test, a_day_that_starts_from_a_snapshot_kept_before_it_replays_as_from_the_log) {
    auto snapshotted = dir.file("snapshotted.db");
    write_days(snapshotted, {.snapshot_every = 1, .resume_window = 1000});
    auto const day = parse_day("2026-11-29");
    {
        store::database db(snapshotted, false, true);
        auto first = db.query_int("SELECT min(seq) FROM events WHERE day = " + std::to_string(day));
        auto newest_before = db.query_int("SELECT max(seq) FROM snapshots WHERE seq < " + std::to_string(first));
        auto before_in_plain = store::database(path, false, true)
                                   .query_int("SELECT max(seq) FROM snapshots WHERE seq < " + std::to_string(first));
        EXPECT_GT(newest_before, before_in_plain) << "the test needs a snapshot nearer the day than the plain log's";
        EXPECT_GE(newest_before, first - 3) << "a snapshot within a few events of the day's first";
    }
    auto from_log = replay_day(path, day), from_snapshot = replay_day(snapshotted, day);
    ASSERT_EQ(from_snapshot.citizens.size(), from_log.citizens.size());
    for (std::size_t i = 0; i < from_log.citizens.size(); ++i) {
        EXPECT_EQ(from_snapshot.citizens[i].at, from_log.citizens[i].at) << i;
        EXPECT_EQ(from_snapshot.citizens[i].service_time, from_log.citizens[i].service_time) << i;
        EXPECT_EQ(from_snapshot.citizens[i].transfer, from_log.citizens[i].transfer) << i;
    }
    EXPECT_EQ(from_snapshot.d.counters.size(), from_log.d.counters.size());
    EXPECT_EQ(render_run(from_snapshot.as_happened), render_run(from_log.as_happened));
    EXPECT_DOUBLE_EQ(from_snapshot.as_happened.overall.mean, (30 + 130 + 130 + 170) / 4.0);
}

TEST_F(replay_test, the_first_day_replays_from_the_start_of_the_log) {
    auto r = replay_day(path, parse_day("2026-11-28"));
    ASSERT_EQ(r.citizens.size(), 1u);
    EXPECT_EQ(r.citizens[0].service_time, 6min);
    EXPECT_EQ(r.as_happened.overall.mean, 60.0);
}

TEST_F(replay_test, problems_are_clear_errors) {
    auto refused = [](std::string const& file, std::string const& date) {
        try {
            replay_day(file, parse_day(date));
        } catch (replay_error const& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_EQ(refused(path, "2026-12-05"), path + ": no events on 2026-12-05; the log holds 2026-11-28 to 2026-11-30");
    EXPECT_EQ(refused(path, "2026-11-30"), path + ": 2026-11-30 has no tickets");
    EXPECT_EQ(refused(dir.file("none.db"), "2026-11-29"), dir.file("none.db") + ": no such file");
    std::ofstream(dir.file("notes.txt")) << "not a database at all, just some words in a file of some length\n";
    EXPECT_NE(refused(dir.file("notes.txt"), "2026-11-29").find("notes.txt: not a Novbe file"), std::string::npos);
    {
        store::database other(dir.file("other.db"));
        other.exec("CREATE TABLE things (name TEXT)");
    }
    EXPECT_EQ(refused(dir.file("other.db"), "2026-11-29"), dir.file("other.db") + ": not a Novbe file (another program's database)");
    EXPECT_THROW(parse_day("2026-02-30"), replay_error);
    EXPECT_THROW(parse_day("29.11.2026"), replay_error);
    EXPECT_EQ(parse_day("1970-01-02"), 1);
}

// A day file's day logged through the server's writer (--log-to), then replayed: the citizens
// come back as drawn, and "as it happened" is the simulated run's own row.
void expect_same_waits(wait_line const& a, wait_line const& b) {
    EXPECT_EQ(a.waits, b.waits) << a.name;
    EXPECT_DOUBLE_EQ(a.mean, b.mean) << a.name;
    EXPECT_DOUBLE_EQ(a.p90, b.p90) << a.name;
    EXPECT_DOUBLE_EQ(a.max, b.max) << a.name;
    EXPECT_DOUBLE_EQ(a.within_target, b.within_target) << a.name;
    EXPECT_EQ(a.unserved, b.unserved) << a.name;
    EXPECT_EQ(a.no_shows, b.no_shows) << a.name;
    EXPECT_NEAR(a.estimate_mae, b.estimate_mae, 1e-9) << a.name;
    EXPECT_NEAR(a.in_range, b.in_range, 1e-12) << a.name;
}

TEST(replay, a_tiny_simulated_day_comes_back_from_its_log) {
    store::testing::temp_dir dir;
    auto d = load_day(std::string(NOVBE_SIM_DAYS) + "/tiny.toml");
    auto drawn = draw_citizens(d);
    auto simulated = log_day(dir.file("tiny.db"), d, drawn, variant{});
    auto r = replay_day(dir.file("tiny.db"), parse_day("2026-12-01"));
    ASSERT_EQ(r.citizens.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(r.citizens[i].at, drawn[i].at) << i;
        EXPECT_EQ(r.citizens[i].service_time, 10min) << i;
        EXPECT_FALSE(r.citizens[i].no_show || r.citizens[i].transfer || r.citizens[i].priority) << i;
    }
    EXPECT_EQ(r.d.opening, 8h);
    ASSERT_EQ(r.d.counters.size(), 1u);
    EXPECT_EQ(r.d.counters[0].open, 0s);
    EXPECT_EQ(r.d.counters[0].close, 60min);
    EXPECT_EQ(r.d.walk, 0s);
    expect_same_waits(r.as_happened.overall, simulated.overall);
    EXPECT_DOUBLE_EQ(r.as_happened.overall.mean, 25.0 * 60 / 3);  // 0, 10 and 15 minutes (simulation_test.cpp)
    EXPECT_DOUBLE_EQ(r.as_happened.utilisation, 0.5);
    EXPECT_THROW(log_day(dir.file("tiny.db"), d, drawn, variant{}), replay_error);  // never overwritten
}

TEST(replay, the_large_centre_s_simulated_day_comes_back_from_its_log) {
    store::testing::temp_dir dir;
    auto d = load_day(std::string(NOVBE_SIM_DAYS) + "/large_centre.toml");
    for (auto& s : d.services) s.booked.bookings = 0;  // walk-ins only, each citizen one ticket: below with bookings
    auto drawn = draw_citizens(d);
    auto simulated = log_day(dir.file("large.db"), d, drawn, variant{});
    auto r = replay_day(dir.file("large.db"), parse_day("2026-12-01"));
    ASSERT_EQ(r.citizens.size(), drawn.size());
    std::size_t same = 0;
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        auto const &a = r.citizens[i], &b = drawn[i];
        ASSERT_EQ(a.at, b.at) << i;
        ASSERT_EQ(a.service, b.service) << i;
        ASSERT_EQ(a.priority, b.priority) << i;
        // Served citizens come back whole (a no-show's service time was never spent); one never
        // called keeps only the service's prior.
        same += a.no_show == b.no_show && a.transfer == b.transfer && (b.no_show || a.service_time == b.service_time) &&
                a.second_time == b.second_time;
    }
    EXPECT_GE(same, drawn.size() - simulated.overall.unserved);
    ASSERT_EQ(r.as_happened.services.size(), simulated.services.size());
    for (std::size_t s = 0; s < simulated.services.size(); ++s) {
        expect_same_waits(r.as_happened.services[s], simulated.services[s]);
        EXPECT_NEAR(r.as_happened.services[s].utilisation, simulated.services[s].utilisation, 1e-3);
    }
    expect_same_waits(r.as_happened.priority, simulated.priority);
    expect_same_waits(r.as_happened.normal, simulated.normal);
    expect_same_waits(r.as_happened.overall, simulated.overall);
    EXPECT_EQ(r.d.counters.size(), d.counters.size());
}

// The replay skips the bookings' events and replays each appointment ticket as a normal ticket at
// its check-in (tools/sim/README.md#replaying-a-real-day): every line's waits are the run's own.
TEST(replay, a_day_with_bookings_replays_its_appointment_tickets_as_normal_ones) {
    store::testing::temp_dir dir;
    auto d = load_day(std::string(NOVBE_SIM_DAYS) + "/large_centre.toml");
    auto simulated = log_day(dir.file("booked.db"), d, draw_citizens(d), variant{});
    ASSERT_GT(simulated.booking_overall.checked_in, 100u);
    auto r = replay_day(dir.file("booked.db"), parse_day("2026-12-01"));
    EXPECT_EQ(r.citizens.size(), simulated.tickets);
    for (auto const& c : r.citizens) EXPECT_FALSE(c.booked());
    // The waits only: the simulator judges the estimates of walk-ins alone, the replay of every ticket.
    auto same_waits = [](wait_line const& a, wait_line const& b) {
        EXPECT_EQ(a.waits, b.waits) << a.name;
        EXPECT_DOUBLE_EQ(a.mean, b.mean) << a.name;
        EXPECT_DOUBLE_EQ(a.p90, b.p90) << a.name;
        EXPECT_DOUBLE_EQ(a.max, b.max) << a.name;
        EXPECT_DOUBLE_EQ(a.within_target, b.within_target) << a.name;
        EXPECT_EQ(a.unserved, b.unserved) << a.name;
        EXPECT_EQ(a.no_shows, b.no_shows) << a.name;
    };
    for (std::size_t s = 0; s < simulated.services.size(); ++s) same_waits(r.as_happened.services[s], simulated.services[s]);
    same_waits(r.as_happened.overall, simulated.overall);
    expect_same_waits(r.as_happened.priority, simulated.priority);
    EXPECT_EQ(r.as_happened.normal.waits, simulated.normal.waits + simulated.appointment.waits);
    EXPECT_FALSE(r.as_happened.has_bookings());
}

}  // namespace
}  // namespace novbe::sim
