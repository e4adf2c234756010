// State and numbering survive a clean restart and a SIGKILL: nothing acknowledged is lost.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <gtest/gtest.h>

#include <chrono>

#include <set>
#include <string>
#include <thread>
#include <vector>

namespace novbe::testing {
namespace {

std::string issue_one(server_process& process) {
    ws_client c(process.port());
    c.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    return c.request(issue("notary")).reply().issued_ticket().number();
}

TEST(restart, sigterm_stops_cleanly_and_numbering_carries_on) {
    server_process process;
    process.start();
    EXPECT_EQ("D001", issue_one(process));
    EXPECT_EQ("D002", issue_one(process));
    EXPECT_EQ(0, process.stop());
    EXPECT_NE(std::string::npos, process.log().find("stopped cleanly"));
    process.start();
    EXPECT_EQ("D003", issue_one(process));
}

// A browser keeps its HTTP connection open between requests for minutes; a stop must not wait
// for it to give up.
TEST(restart, sigterm_does_not_wait_for_an_idle_http_connection) {
    server_process process;
    process.start();
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket browser(io);
    browser.connect({boost::asio::ip::make_address("127.0.0.1"), process.port()});
    std::string ask = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    boost::asio::write(browser, boost::asio::buffer(ask));
    std::string answer(4096, '\0');
    answer.resize(browser.read_some(boost::asio::buffer(answer)));
    ASSERT_EQ(0u, answer.find("HTTP/1.1 200")) << answer;
    auto asked = std::chrono::steady_clock::now();
    EXPECT_EQ(0, process.stop());
    EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::seconds(3));
    boost::system::error_code ec;
    browser.read_some(boost::asio::buffer(answer), ec);
    EXPECT_EQ(boost::asio::error::eof, ec);  // closed by the server, not left hanging
}

// A peer that neither reads nor answers the close handshake (it is stuck, or hostile) is shut
// after the stop's deadline: a systemd stop does not hang on it.
TEST(restart, sigterm_does_not_wait_for_a_peer_that_never_answers_the_close) {
    server_process process;
    process.start();
    ws_client stuck(process.port());
    stuck.hello(v1::ROLE_BOARD);  // then it reads nothing more, so it never answers the close
    auto asked = std::chrono::steady_clock::now();
    EXPECT_EQ(0, process.stop());
    EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::seconds(5));
    EXPECT_TRUE(process.logs_soon("did not close in 2 s"));
}

TEST(restart, every_acknowledged_ticket_survives_sigkill) {
    server_process process;
    process.start();
    std::string last;
    {
        ws_client c(process.port());
        c.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
        for (int i = 0; i < 25; ++i) last = c.request(issue("notary")).reply().issued_ticket().number();
    }
    EXPECT_EQ("D025", last);
    process.kill();
    process.start();
    EXPECT_EQ("D026", issue_one(process));
    EXPECT_NE(std::string::npos, process.log().find("recovered"));
}

// 200 issues in flight at once from 40 kiosks (past the load at which the server hands a whole
// turn's requests to the store together): each is answered once, in its connection's order,
// with its own number, and every one of them is still there after a SIGKILL.
TEST(restart, many_requests_in_flight_are_answered_once_in_order_and_all_survive_sigkill) {
    server_process process;
    process.start();
    std::vector<ws_client> kiosks;
    for (int k = 0; k < 40; ++k) {
        kiosks.emplace_back(process.port());
        kiosks.back().hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    }
    for (auto& k : kiosks) {
        std::vector<v1::ClientMessage> issues;
        for (std::uint64_t id = 100; id < 105; ++id) {
            issues.push_back(issue("notary"));
            issues.back().set_request_id(id);
        }
        k.send_pipelined(issues);  // one write: the server finds them all ready at once
    }
    std::set<std::string> numbers;
    for (auto& k : kiosks)
        for (std::uint64_t id = 100; id < 105; ++id) {
            auto reply = k.receive();
            ASSERT_TRUE(reply.has_value());
            EXPECT_EQ(id, reply->request_id());
            EXPECT_TRUE(reply->reply().has_issued_ticket()) << reply->DebugString();
            numbers.insert(reply->reply().issued_ticket().number());
        }
    EXPECT_EQ(200u, numbers.size());
    EXPECT_EQ("D001", *numbers.begin());
    EXPECT_EQ("D200", *numbers.rbegin());
    process.kill();
    process.start();
    EXPECT_EQ("D201", issue_one(process));
}

TEST(restart, a_connected_client_is_told_the_server_is_going_away) {
    server_process process;
    process.start();
    ws_client c(process.port());
    c.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    std::thread stopper([&] { process.stop(); });
    EXPECT_EQ(1001, c.wait_for_close());
    stopper.join();
}

}  // namespace
}  // namespace novbe::testing
