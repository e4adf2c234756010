// Retention: personal data of old days leaves the database; the counts stay.
#include "store/codec.hpp"
#include "store/database.hpp"
#include "store_fixture.hpp"

#include <gtest/gtest.h>

namespace novbe::store::testing {
namespace {

TEST(retention, personal_data_of_old_days_is_erased_and_counts_remain) {
    temp_dir dir;
    auto path = dir.file("centre.db");
    event_source source;
    auto opened = event_log::open({.path = path, .retention_days = 1}, source.centre().config());
    append_and_wait(*opened.log, source.busy_minutes(15));
    auto const first_day = source.centre().day();
    for (int day = 1; day <= 2; ++day) {
        source.advance(std::chrono::days{1});
        append_and_wait(*opened.log, source.busy_minutes(5));
    }
    opened.log->close();

    database db(path);
    auto on_first_day = "FROM tickets WHERE day = " + std::to_string(first_day);
    EXPECT_EQ(15, db.query_int("SELECT count(*) " + on_first_day));
    EXPECT_EQ(0, db.query_int("SELECT count(*) " + on_first_day + " AND (language IS NOT NULL OR outcome IS NOT NULL)"));
    EXPECT_GT(db.query_int("SELECT count(*) " + on_first_day + " AND rating IS NOT NULL"), 0);
    EXPECT_EQ(10, db.query_int("SELECT count(*) FROM tickets WHERE day > " + std::to_string(first_day) + " AND language IS NOT NULL"));

    statement events(db, "SELECT body FROM events WHERE day = ?1 AND kind IN (?2, ?3)");
    events.bind(1, first_day).bind(2, kind_of<core::ticket_issued>).bind(3, kind_of<core::service_completed>);
    int checked = 0;
    while (events.step()) {
        auto ev = decode_event(events.column_blob(0), source.centre().config());
        if (auto const* issued = std::get_if<core::ticket_issued>(&ev)) {
            EXPECT_TRUE(issued->token.empty());
            EXPECT_EQ("", issued->language);
        }
        if (auto const* done = std::get_if<core::service_completed>(&ev)) {
            EXPECT_EQ("", done->outcome);
        }
        ++checked;
    }
    EXPECT_GT(checked, 15);
    EXPECT_EQ(0, db.query_int("SELECT count(*) FROM snapshots WHERE day = " + std::to_string(first_day)));

    auto again = event_log::open({.path = path, .retention_days = 1}, source.centre().config());
    EXPECT_TRUE(again.centre == source.centre());  // today is untouched
}

}  // namespace
}  // namespace novbe::store::testing
