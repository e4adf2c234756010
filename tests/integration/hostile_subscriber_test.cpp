// A stranger with a public board connection cannot make the server hold or match without
// bound: a few views per connection, zones no longer than the centre, and an honest kiosk
// served at its usual pace meanwhile.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

namespace novbe::testing {
namespace {

v1::ClientMessage board_zone(std::vector<std::string> const& services) {
    v1::ClientMessage m;
    m.mutable_subscribe()->set_view(v1::VIEW_BOARD);
    for (auto const& s : services) m.mutable_subscribe()->add_service_ids(s);
    return m;
}

TEST(hostile_subscriber, a_connection_follows_a_few_views_and_is_told_when_it_asks_for_more) {
    server_process process;
    process.start();
    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    std::uint64_t first = 0;
    for (int i = 0; i < 8; ++i) {
        auto shot = board.request(board_zone({"passport"}));
        ASSERT_TRUE(shot.has_snapshot()) << i << ": " << shot.DebugString();
        if (i == 0) first = shot.request_id();
    }
    auto refused = board.request(board_zone({"passport"}));
    EXPECT_EQ("ERROR_CODE_LIMIT_REACHED", error_name(refused));
    v1::ClientMessage leave;
    leave.mutable_unsubscribe()->set_subscription(first);
    EXPECT_TRUE(board.request(leave).reply().has_empty());
    EXPECT_TRUE(board.request(board_zone({"passport"})).has_snapshot());  // room again
}

TEST(hostile_subscriber, a_zone_names_each_service_once_and_an_endless_one_is_refused) {
    server_process process;
    process.start();
    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    auto shot = board.request(board_zone({"passport", "id_card", "passport", "passport"}));
    ASSERT_TRUE(shot.has_snapshot()) << shot.DebugString();
    EXPECT_EQ(2, shot.snapshot().lines_size());
    EXPECT_EQ("ERROR_CODE_INVALID_ARGUMENT", error_name(board.request(board_zone(std::vector<std::string>(5000, "passport")))));
    EXPECT_EQ("ERROR_CODE_UNKNOWN_SERVICE", error_name(board.request(board_zone({"passport", "no-such-service"}))));
}

TEST(hostile_subscriber, boards_holding_all_the_views_they_may_do_not_slow_an_honest_kiosk) {
    server_process process;
    process.start();
    std::vector<ws_client> boards;
    for (int b = 0; b < 4; ++b) {
        boards.emplace_back(process.port());
        boards.back().hello(v1::ROLE_BOARD);
        for (int i = 0; i < 8; ++i) boards.back().request(board_zone({"passport", "id_card", "driving_licence"}));
    }
    ws_client kiosk(process.port());
    kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 200; ++i) ASSERT_TRUE(kiosk.request(issue("passport")).reply().has_issued_ticket());
    // The defect this guards against took 12 s for 2,000 tickets at 4 boards; an issue here is
    // a few milliseconds even under the sanitizers.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(hostile_subscriber, a_board_learns_no_priority_class) {
    server_process process;
    process.start();
    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    ASSERT_TRUE(board.request(board_zone({})).has_snapshot());
    ws_client kiosk(process.port());
    kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    ASSERT_TRUE(kiosk.request(issue("passport", v1::PRIORITY_CLASS_PRIORITY)).reply().has_issued_ticket());
    auto news = board.receive();  // the day's start, then the ticket
    ASSERT_TRUE(news && news->has_events());
    auto const& events = news->events().events();
    auto issued = std::find_if(events.begin(), events.end(), [](auto const& e) { return e.has_ticket_issued(); });
    ASSERT_NE(events.end(), issued) << news->DebugString();
    EXPECT_FALSE(issued->ticket_issued().number().empty());
    EXPECT_EQ(v1::PRIORITY_CLASS_UNSPECIFIED, issued->ticket_issued().priority());
}

}  // namespace
}  // namespace novbe::testing
