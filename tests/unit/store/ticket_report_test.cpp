// The report's clerk column credits whoever finished a stay, the taker after a takeover; a busy
// moment's rows reach the report whole while the log stays open, a chunk at a time.
#include "store/database.hpp"
#include "store/event_log.hpp"
#include "store_fixture.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

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

// Many more tickets than one report transaction takes (report_chunk), in one batch: once the
// writer has a quiet moment every row is there and reported_seq says the report is whole, with
// no close to force it.
TEST(ticket_report, a_batch_of_many_chunks_reaches_the_report_whole_while_the_log_is_open) {
    temp_dir dir;
    event_source source;
    auto opened = event_log::open({.path = dir.file("centre.db")}, source.centre().config());
    std::vector<core::event> rush;
    for (int i = 0; i < 40; ++i)
        for (auto& e : source.busy_minutes(30)) rush.push_back(std::move(e));
    auto const tickets = static_cast<std::int64_t>(source.centre().tickets().size());
    ASSERT_GT(tickets, 5 * static_cast<std::int64_t>(event_log::report_chunk));
    auto appended = append_and_wait(*opened.log, std::move(rush));
    ASSERT_FALSE(appended.ec) << appended.ec.message();
    database db(dir.file("centre.db"));
    auto whole = [&] { return db.query_int("SELECT reported_seq FROM report_state") == static_cast<std::int64_t>(appended.last_sequence); };
    for (int i = 0; i < 500 && !whole(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_TRUE(whole()) << "reported_seq stayed at " << db.query_int("SELECT reported_seq FROM report_state");
    EXPECT_EQ(tickets, db.query_int("SELECT count(*) FROM tickets"));
    EXPECT_EQ(static_cast<std::int64_t>(std::count_if(source.centre().tickets().begin(), source.centre().tickets().end(),
                                                      [](core::ticket const& t) { return t.state == core::ticket_state::done; })),
              db.query_int("SELECT count(*) FROM tickets WHERE state = 'done'"));
}

}  // namespace
}  // namespace novbe::store::testing
