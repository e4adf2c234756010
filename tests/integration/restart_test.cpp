// State and numbering survive a clean restart and a SIGKILL: nothing acknowledged is lost.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

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
