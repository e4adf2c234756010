// A young log holds the set-up from the first start (docs/SETUP.md#one-source-of-truth): the
// configuration's services and counters are written to it as set-up events with a snapshot, so a
// later start never takes them from the file, even after a crash before any other snapshot.
#include "store/database.hpp"
#include "store_fixture.hpp"

#include "../core/centre_fixture.hpp"

#include <gtest/gtest.h>

namespace novbe::store::testing {
namespace {

log_options seeding(std::string path) {
    return log_options{.path = std::move(path), .snapshot_every = 100, .seed_set_up = core::testing::morning()};
}

// small_centre() without its notary (index 2) and the counter that serves it alone.
core::centre_config without_notary() {
    auto config = core::testing::small_centre();
    config.services.pop_back();
    config.counters.pop_back();
    return config;
}

std::int64_t count(std::string const& path, std::string const& where) {
    database db(path);
    return db.query_int("SELECT count(*) FROM " + where);
}

// As a crash right after the last append leaves the file: no snapshot later than `seq`.
void drop_snapshots_after(std::string const& path, std::uint64_t seq) {
    database db(path);
    db.exec("DELETE FROM snapshots WHERE seq > " + std::to_string(seq));
}

bool has_service(core::centre const& c, std::string const& id) {
    auto s = c.config().find_service(id);
    return s && !c.config().services[*s].retired;
}

// A notary ticket in a log, then the log closed as a SIGKILL leaves it (the close's snapshot dropped).
std::uint64_t notary_ticket_then_crash(std::string const& path, event_log::opened& opened, std::uint64_t keep_snapshots_to) {
    event_source source(opened.centre, core::testing::morning() + std::chrono::minutes(1));
    auto issued = append_and_wait(*opened.log, source.run(core::issue_ticket{2, {}, "en", {9, 1}}));
    EXPECT_FALSE(issued.ec) << issued.ec.message();
    opened.log->close();
    drop_snapshots_after(path, keep_snapshots_to);
    return issued.last_sequence;
}

TEST(young_log, a_first_start_writes_the_files_services_and_counters_as_set_up_events_then_a_snapshot) {
    temp_dir dir;
    auto const path = dir.file("centre.db");
    auto opened = event_log::open(seeding(path), core::testing::small_centre());
    EXPECT_EQ(7u, opened.seeded) << "3 services and 4 counters";
    EXPECT_EQ(7u, opened.last_sequence);
    EXPECT_EQ(7u, opened.log->last_durable()) << "durable before open() returns, so before the server listens";
    EXPECT_EQ(3, count(path, "events WHERE seq <= 3 AND kind = " +
                                 std::to_string(core::event(std::in_place_type<core::service_set>).index())));
    EXPECT_EQ(4, count(path, "events WHERE seq > 3 AND kind = " +
                                 std::to_string(core::event(std::in_place_type<core::counter_set>).index())));
    EXPECT_EQ(1, count(path, "snapshots WHERE seq = 7"));
    auto ticket = notary_ticket_then_crash(path, opened, 7);

    // The file drops the notary (and its counter); the log's ticket names it.
    auto again = event_log::open(seeding(path), without_notary());
    EXPECT_EQ(0u, again.seeded) << "the log holds its set-up: nothing is written again";
    EXPECT_EQ(ticket, again.last_sequence);
    EXPECT_TRUE(has_service(again.centre, "notary")) << "the log's services, not the file's";
    EXPECT_NE(nullptr, again.centre.config().find_counter(4));
    EXPECT_NE(nullptr, again.centre.find_ticket("C001"));
}

TEST(young_log, a_log_written_before_set_up_events_takes_the_files_set_up_once_and_keeps_it) {
    temp_dir dir;
    auto const path = dir.file("centre.db");
    std::uint64_t old_last = 0;
    {  // an older server: no set-up events, and a crash before its first snapshot
        auto opened = event_log::open({.path = path, .snapshot_every = 100}, core::testing::small_centre());
        EXPECT_EQ(0u, opened.seeded);
        old_last = notary_ticket_then_crash(path, opened, 0);
    }
    ASSERT_EQ(0, count(path, "snapshots"));
    std::uint64_t seeded_to = 0;
    {
        auto opened = event_log::open(seeding(path), core::testing::small_centre());
        EXPECT_EQ(7u, opened.seeded);
        seeded_to = opened.last_sequence;
        EXPECT_EQ(old_last + 7, seeded_to) << "after the old events, which keep their sequences";
        EXPECT_NE(nullptr, opened.centre.find_ticket("C001"));
        opened.log->close();
        drop_snapshots_after(path, seeded_to);
    }
    {
        auto opened = event_log::open(seeding(path), core::testing::small_centre());
        EXPECT_EQ(0u, opened.seeded) << "once";
        EXPECT_EQ(seeded_to, opened.last_sequence);
    }
    drop_snapshots_after(path, seeded_to);
    auto without = event_log::open(seeding(path), without_notary());
    EXPECT_TRUE(has_service(without.centre, "notary"));
    EXPECT_NE(nullptr, without.centre.find_ticket("C001"));
}

TEST(young_log, without_seeding_a_log_before_its_first_snapshot_still_takes_the_files_services) {
    // What the seeding prevents, and what tools that only read a stopped folder still do.
    temp_dir dir;
    auto const path = dir.file("centre.db");
    {
        auto opened = event_log::open({.path = path, .snapshot_every = 100}, core::testing::small_centre());
        notary_ticket_then_crash(path, opened, 0);
    }
    EXPECT_THROW(event_log::open({.path = path, .snapshot_every = 100}, without_notary()), store_error);
}

}  // namespace
}  // namespace novbe::store::testing
