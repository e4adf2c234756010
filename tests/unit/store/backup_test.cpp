// Online backup while the writer works: the copy is a Novbe database that recovers by itself.
#include "store/backup.hpp"
#include "store/database.hpp"
#include "store_fixture.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

namespace novbe::store::testing {
namespace {

TEST(backup, a_copy_taken_under_load_recovers_to_a_consistent_point) {
    temp_dir dir;
    auto live = dir.file("centre.db");
    event_source source;
    auto opened = event_log::open({.path = live, .snapshot_every = 50}, source.centre().config());
    append_and_wait(*opened.log, source.busy_minutes(20));

    std::atomic<bool> stop{false};
    std::thread writer([&] {
        while (!stop) ASSERT_FALSE(append_and_wait(*opened.log, source.busy_minutes(2)).ec);
    });
    for (int i = 0; i < 3; ++i) backup(live, dir.file("copy" + std::to_string(i) + ".db"));
    stop = true;
    writer.join();

    for (int i = 0; i < 3; ++i) {
        auto copy = event_log::open({.path = dir.file("copy" + std::to_string(i) + ".db")}, source.centre().config());
        EXPECT_GE(copy.last_sequence, 20u);
        EXPECT_LE(copy.last_sequence, opened.log->last_durable());
        database db(dir.file("copy" + std::to_string(i) + ".db"));
        EXPECT_EQ(db.query_int("SELECT max(seq) FROM events"), db.query_int("SELECT count(*) FROM events"));
    }
}

TEST(backup, never_overwrites_and_copies_only_novbe_databases) {
    temp_dir dir;
    std::ofstream(dir.file("existing.db")) << "precious";
    {
        event_source source;
        event_log::open({.path = dir.file("centre.db")}, source.centre().config());
    }
    EXPECT_THROW(backup(dir.file("centre.db"), dir.file("existing.db")), store_error);
    std::ifstream kept(dir.file("existing.db"));
    std::string text;
    kept >> text;
    EXPECT_EQ("precious", text);
    {
        database other(dir.file("other.db"));
        other.exec("CREATE TABLE t (x)");
    }
    try {
        backup(dir.file("other.db"), dir.file("copy.db"));
        FAIL() << "backed up a foreign database";
    } catch (store_error const& e) {
        EXPECT_EQ(dir.file("other.db") + ": not a Novbe database; nothing to back up", std::string(e.what()));
    }
}

}  // namespace
}  // namespace novbe::store::testing
