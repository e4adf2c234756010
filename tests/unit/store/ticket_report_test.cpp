// The report's clerk column credits whoever finished a stay, the taker after a takeover.
#include "store/database.hpp"
#include "store/event_log.hpp"
#include "store_fixture.hpp"

#include <gtest/gtest.h>

namespace novbe::store::testing {
namespace {

TEST(ticket_report, a_stay_finished_after_a_takeover_is_the_takers) {
    temp_dir dir;
    event_source source;
    auto opened = event_log::open({.path = dir.file("centre.db")}, source.centre().config());
    append_and_wait(*opened.log, source.busy_minutes(8));
    auto const& c = source.centre();
    auto clerk = c.find_counter(1)->clerk;
    if (!c.find_counter(1)->current) append_and_wait(*opened.log, source.run(core::call_next{1, clerk}));
    ASSERT_TRUE(c.find_counter(1)->current);
    auto number = c.number_of(c.tickets()[*c.find_counter(1)->current]);
    auto taken = source.run(core::take_over_counter{1, "mira", "relief", "clerk_absent"});
    ASSERT_FALSE(taken.empty());
    append_and_wait(*opened.log, taken);
    opened.log->close();  // the report is written in quiet moments; closing writes what is owed
    database db(dir.file("centre.db"));
    auto row_of = [&](std::string const& who) {
        return db.query_int("SELECT count(*) FROM tickets WHERE number = '" + number + "' AND clerk = '" + who + "'");
    };
    EXPECT_EQ(1, row_of("mira"));  // the report follows the counter as soon as it changes hands
    EXPECT_EQ(0, row_of(clerk));
}

}  // namespace
}  // namespace novbe::store::testing
