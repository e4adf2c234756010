// A full disk: clean errors, nothing unacknowledged reported durable, and after space is freed
// (here: the cap lifted) the store recovers and works again.
#include "store/database.hpp"
#include "store_fixture.hpp"

#include "../core/centre_fixture.hpp"

#include <gtest/gtest.h>

namespace novbe::store::testing {
namespace {

TEST(disk_full, appends_fail_cleanly_and_a_reopened_store_works_again) {
    temp_dir dir;
    auto path = dir.file("centre.db");
    event_source source;
    std::uint64_t acknowledged = 0;
    std::error_code first_error;
    {
        auto opened = event_log::open({.path = path, .max_page_count = 60}, source.centre().config());
        for (int i = 0; i < 400 && !first_error; ++i) {
            auto result = append_and_wait(*opened.log, source.busy_minutes(3));
            if (result.ec) first_error = result.ec;
            else acknowledged = result.last_sequence;
        }
        ASSERT_TRUE(first_error) << "the capped file never filled up";
        // SQLITE_FULL on an append, or on the report written after one: then the next append is refused.
        EXPECT_TRUE(first_error == std::error_code(13, sqlite_category()) || first_error == log_errc::failed)
            << first_error.message();
        EXPECT_NE(std::string::npos, opened.log->failure().find(path)) << opened.log->failure();
        EXPECT_NE(std::string::npos, opened.log->failure().find("database or disk is full")) << opened.log->failure();
        EXPECT_EQ(std::error_code(log_errc::failed), append_and_wait(*opened.log, source.busy_minutes(1)).ec);
        EXPECT_EQ(acknowledged, opened.log->last_durable());
    }
    {
        database db(path);
        EXPECT_EQ(static_cast<std::int64_t>(acknowledged), db.query_int("SELECT max(seq) FROM events"));
        EXPECT_EQ(static_cast<std::int64_t>(acknowledged), db.query_int("SELECT count(*) FROM events"));
    }
    auto reopened = event_log::open({.path = path}, source.centre().config());  // space again
    EXPECT_EQ(acknowledged, reopened.last_sequence);
    event_source resumed(reopened.centre, core::testing::morning() + std::chrono::hours(2));
    auto more = append_and_wait(*reopened.log, resumed.busy_minutes(5));
    EXPECT_FALSE(more.ec) << more.ec.message();
    EXPECT_GT(more.last_sequence, acknowledged);
}

}  // namespace
}  // namespace novbe::store::testing
