// The hall message over the wire: a manager sets it, a board's snapshot and live events carry
// it (the text, not who set it), a clerk is refused, an over-long or multi-line text is refused
// and changes nothing, it survives a restart, and an empty text clears it; the log keeps who.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "core/event.hpp"
#include "store/database.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace novbe::testing {
namespace {

v1::ClientMessage set_message(std::string const& text) {
    v1::ClientMessage m;
    m.mutable_set_hall_message()->set_text(text);
    return m;
}

v1::ClientMessage board_subscription() {
    v1::ClientMessage m;
    m.mutable_subscribe()->set_view(v1::VIEW_BOARD);
    return m;
}

// The next HallMessageSet a subscriber hears (the day's DayStarted may come first); nullopt if
// none within a few messages.
std::optional<v1::HallMessageSet> next_hall_message(ws_client& c) {
    for (int i = 0; i < 4; ++i) {
        auto m = c.receive();
        if (!m) return std::nullopt;
        if (!m->has_events()) continue;
        for (auto const& e : m->events().events())
            if (e.has_hall_message_set()) return e.hall_message_set();
    }
    return std::nullopt;
}

std::int64_t hall_messages_in_log(server_process const& p) {
    store::database db(p.folder() + "/centre.db", false);
    auto kind = core::event{core::hall_message_set{}}.index();
    return db.query_int("SELECT count(*) FROM events WHERE kind = " + std::to_string(kind));
}

TEST(hall_message, a_manager_sets_it_boards_see_it_live_and_after_a_restart_and_a_clerk_may_not) {
    server_process process;
    process.start();
    {
        ws_client leyla(process.port());
        ASSERT_TRUE(leyla.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).has_reply());
        ws_client board(process.port());
        ASSERT_TRUE(board.hello(v1::ROLE_BOARD).has_reply());
        auto snapshot = board.request(board_subscription());
        ASSERT_TRUE(snapshot.has_snapshot());
        EXPECT_EQ("", snapshot.snapshot().hall_message());

        EXPECT_TRUE(leyla.request(set_message("Counter 4 closes at 16:00")).reply().has_empty());
        auto live = next_hall_message(board);
        ASSERT_TRUE(live);
        EXPECT_EQ("Counter 4 closes at 16:00", live->text());
        EXPECT_EQ("", live->set_by()) << "who set it is not the hall's business";

        ws_client anna(process.port());
        ASSERT_TRUE(anna.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret).has_reply());
        EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(anna.request(set_message("Free coffee"))));
        EXPECT_EQ("ERROR_CODE_INVALID_ARGUMENT", error_name(leyla.request(set_message(std::string(201, 'x')))));
        EXPECT_EQ("ERROR_CODE_INVALID_ARGUMENT", error_name(leyla.request(set_message("two\nlines"))));
        EXPECT_TRUE(leyla.request(set_message(std::string(200, 'x'))).has_reply()) << "200 bytes is the bound";
        EXPECT_TRUE(leyla.request(set_message("Counter 4 closes at 16:00")).has_reply());
    }
    EXPECT_EQ(0, process.stop());
    EXPECT_EQ(3, hall_messages_in_log(process)) << "the refused ones left nothing";
    process.start();
    {
        ws_client board(process.port());
        ASSERT_TRUE(board.hello(v1::ROLE_BOARD).has_reply());
        EXPECT_EQ("Counter 4 closes at 16:00", board.request(board_subscription()).snapshot().hall_message()) << "kept across a restart";
        ws_client watcher(process.port());  // a dashboard, apart from the sender: its events come whenever they do
        ASSERT_TRUE(watcher.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).has_reply());
        v1::ClientMessage dashboard;
        dashboard.mutable_subscribe()->set_view(v1::VIEW_DASHBOARD);
        EXPECT_EQ("Counter 4 closes at 16:00", watcher.request(dashboard).snapshot().hall_message());
        ws_client leyla(process.port());
        ASSERT_TRUE(leyla.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).has_reply());
        EXPECT_TRUE(leyla.request(set_message("")).has_reply());
        auto cleared = next_hall_message(board);
        ASSERT_TRUE(cleared);
        EXPECT_EQ("", cleared->text());
        auto audit = next_hall_message(watcher);  // the dashboard's copy says who
        ASSERT_TRUE(audit);
        EXPECT_EQ("leyla", audit->set_by());
    }
    EXPECT_EQ(0, process.stop());
}

}  // namespace
}  // namespace novbe::testing
