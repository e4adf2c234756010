// Files the store must refuse to start on, each with a message naming the file and the problem.
#include "store/database.hpp"
#include "store/schema.hpp"
#include "store_fixture.hpp"

#include "../core/centre_fixture.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace novbe::store::testing {
namespace {

class damaged_file : public ::testing::Test {
protected:
    // The error open() gives, or "" if it opened.
    std::string open_error(core::centre_config config = core::testing::small_centre()) {
        try {
            event_log::open({.path = path}, std::move(config));
            return "";
        } catch (store_error const& e) {
            return e.what();
        }
    }
    void write_a_day() {
        event_source source;
        auto opened = event_log::open({.path = path, .snapshot_every = 1'000'000}, source.centre().config());
        append_and_wait(*opened.log, source.busy_minutes(10));
        opened.log->close();
        database db(path);
        db.exec("DELETE FROM snapshots");  // make recovery read every event
    }

    temp_dir dir;
    std::string path = dir.file("centre.db");
};

TEST_F(damaged_file, a_text_file_is_not_a_database) {
    std::ofstream(path) << "This is the manager's shopping list, not a queue.\n";
    auto error = open_error();
    EXPECT_NE(std::string::npos, error.find(path)) << error;
    EXPECT_NE(std::string::npos, error.find("not a database file")) << error;
}

TEST_F(damaged_file, another_programs_database_is_left_alone) {
    {
        database db(path);
        db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
    }
    EXPECT_EQ(path + ": not a Novbe database (it holds other data); refusing to touch it", open_error());
    database db(path);
    EXPECT_EQ(0, db.query_int("SELECT count(*) FROM sqlite_schema WHERE name = 'events'"));
}

TEST_F(damaged_file, a_database_from_a_newer_version_is_refused) {
    write_a_day();
    {
        database db(path);
        db.exec("PRAGMA user_version = 7");
    }
    EXPECT_EQ(path + ": written by a newer Novbe (schema 7; this build knows up to " + std::to_string(current_schema_version) + ")", open_error());
}

TEST_F(damaged_file, an_older_schema_is_migrated_forward_keeping_its_events) {
    write_a_day();
    {
        database db(path);
        db.exec("DROP TABLE requests");  // as version 1 left it
        db.exec("DROP TABLE service_days");
        db.exec("DROP TABLE staff_days");
        db.exec("DROP TABLE staff_pauses");
        db.exec("DROP TABLE centre_owner");
        db.exec("PRAGMA user_version = 1");
    }
    auto opened = event_log::open({.path = path}, core::testing::small_centre());
    EXPECT_GT(opened.last_sequence, 10u);
    database db(path);
    EXPECT_EQ(current_schema_version, db.query_int("PRAGMA user_version"));
    EXPECT_EQ(1, db.query_int("SELECT count(*) FROM sqlite_schema WHERE name = 'requests'"));
    EXPECT_EQ(1, db.query_int("SELECT count(*) FROM sqlite_schema WHERE name = 'service_days'"));
    EXPECT_EQ(1, db.query_int("SELECT count(*) FROM sqlite_schema WHERE name = 'staff_days'"));
    EXPECT_EQ(1, db.query_int("SELECT count(*) FROM sqlite_schema WHERE name = 'centre_owner'"));
}

TEST_F(damaged_file, an_unreadable_event_is_named_by_its_sequence) {
    write_a_day();
    {
        database db(path);
        db.exec("UPDATE events SET body = x'ffffffff' WHERE seq = 5");
    }
    EXPECT_EQ(path + ": the event at sequence 5 cannot be read: it is not a stored event", open_error());
}

TEST_F(damaged_file, a_gap_in_the_log_is_found) {
    write_a_day();
    {
        database db(path);
        db.exec("DELETE FROM events WHERE seq = 9");
    }
    EXPECT_EQ(path + ": the event log has a gap: sequence 9 is missing before 10", open_error());
}

TEST_F(damaged_file, an_event_that_does_not_follow_from_the_ones_before_is_refused) {
    write_a_day();
    {
        database db(path);
        // The first ticket's issue (6) and its call (7), swapped.
        db.exec("UPDATE events SET seq = -1 WHERE seq = 6");
        db.exec("UPDATE events SET seq = 6 WHERE seq = 7");
        db.exec("UPDATE events SET seq = 7 WHERE seq = -1");
    }
    EXPECT_EQ(path + ": the event at sequence 6 does not fit the state before it: the log is damaged", open_error());
}

TEST_F(damaged_file, a_service_removed_from_the_configuration_is_named) {
    write_a_day();
    auto config = core::testing::small_centre();
    config.services.pop_back();          // notary is gone
    config.counters[3].services = {0};   // and counter 4 serves passports now
    auto error = open_error(config);
    EXPECT_NE(std::string::npos, error.find("names service 'notary', which the configuration does not have")) << error;
}

TEST_F(damaged_file, a_counter_removed_from_the_configuration_is_named) {
    write_a_day();
    auto config = core::testing::small_centre();
    config.counters.pop_back();
    EXPECT_EQ(path + ": the event at sequence 5 cannot be read: it names counter 4, which the configuration does not have",
              open_error(config));
}

TEST_F(damaged_file, a_damaged_snapshot_is_refused_rather_than_ignored) {
    write_a_day();
    {
        event_source source;
        auto opened = event_log::open({.path = path}, source.centre().config());
    }  // the clean close writes a snapshot
    {
        database db(path);
        db.exec("UPDATE snapshots SET body = x'0a' WHERE seq = (SELECT max(seq) FROM snapshots)");
    }
    EXPECT_NE(std::string::npos, open_error().find("the snapshot at sequence")) << open_error();
}

TEST_F(damaged_file, a_missing_folder_is_named) {
    path = dir.file("no/such/folder/centre.db");
    auto error = open_error();
    EXPECT_NE(std::string::npos, error.find(path)) << error;
    EXPECT_NE(std::string::npos, error.find("cannot open")) << error;
}

}  // namespace
}  // namespace novbe::store::testing
