// The server's defences: a deadline for the Hello, slow readers, foreign origins (sign-ins: sign_in_test.cpp).
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

namespace novbe::testing {
namespace {

TEST(limits, a_connection_without_a_hello_is_closed_when_its_time_is_up) {
    server_process process;
    process.configure("[server]\nhello_timeout_seconds = 1");
    process.start();
    ws_client silent(process.port());
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(4001, silent.wait_for_close());
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
    ws_client prompt(process.port());  // one that says Hello in time stays
    EXPECT_TRUE(prompt.hello(v1::ROLE_BOARD).reply().has_welcome());
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    EXPECT_TRUE(prompt.request(issue("passport")).has_error());  // still answered (a refusal, as a board)
}

TEST(limits, a_client_that_answers_no_pings_is_dropped_and_one_that_does_stays) {
    server_process process;
    process.configure("[server]\nidle_timeout_seconds = 2");
    process.start();
    ws_client gone(process.port());  // it stops reading: its pongs never go out
    ASSERT_TRUE(gone.hello(v1::ROLE_BOARD).reply().has_welcome());
    ws_client alive(process.port());
    ASSERT_TRUE(alive.hello(v1::ROLE_BOARD).reply().has_welcome());
    v1::ClientMessage follow;
    follow.mutable_subscribe()->set_view(v1::VIEW_BOARD);
    ASSERT_TRUE(alive.request(follow).has_snapshot());
    // 4 s in which nobody says anything; `alive` is reading, so Beast answers the server's pings.
    std::thread later([&] {
        std::this_thread::sleep_for(std::chrono::seconds(4));
        ws_client kiosk(process.port());
        kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
        kiosk.request(issue("passport"));
    });
    auto news = alive.receive();
    later.join();
    ASSERT_TRUE(news.has_value()) << "the reading client was dropped too";
    EXPECT_TRUE(news->has_events());
    EXPECT_NE(std::string::npos, process.log().find("timeout")) << process.log();
    EXPECT_FALSE(gone.receive().has_value());  // the server has dropped it
}

TEST(limits, a_client_that_never_reads_is_dropped_and_nobody_else_waits) {
    server_process process;
    process.configure("[server]\nmax_queued_kib = 64");
    process.start();
    ws_client kiosk(process.port());
    kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    ws_client greedy(process.port());
    greedy.hello(v1::ROLE_BOARD);
    v1::ClientMessage subscribe;  // each answer is a snapshot of a few KiB that it will not read
    subscribe.set_request_id(10);
    subscribe.mutable_subscribe()->set_view(v1::VIEW_BOARD);
    greedy.send_pipelined(subscribe, 4000);
    auto reply = kiosk.request(issue("passport"));  // answered while the greedy one is being dropped
    EXPECT_TRUE(reply.reply().has_issued_ticket()) << reply.DebugString();
    EXPECT_EQ(4002, greedy.wait_for_close());
    EXPECT_NE(std::string::npos, process.log().find("too slow"));
}

TEST(limits, a_page_from_another_site_may_not_open_the_socket) {
    server_process process;
    process.configure("[server]\nallowed_origins = [\"https://asan.example\"]");
    process.start();
    EXPECT_THROW(ws_client(process.port(), "https://evil.example"), std::runtime_error);
    ws_client own(process.port(), "http://127.0.0.1:" + std::to_string(process.port()));
    EXPECT_TRUE(own.hello(v1::ROLE_BOARD).reply().has_welcome());
    ws_client listed(process.port(), "https://asan.example");
    EXPECT_TRUE(listed.hello(v1::ROLE_BOARD).reply().has_welcome());
}

}  // namespace
}  // namespace novbe::testing
