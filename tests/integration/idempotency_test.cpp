// A mutating request repeated with the same idempotency key gets the original answer and
// changes nothing: on the same connection, on a new one, and after the server was killed.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

namespace novbe::testing {
namespace {

v1::ClientMessage keyed(v1::ClientMessage m, std::string key) {
    m.set_idempotency_key(std::move(key));
    return m;
}

ws_client kiosk(server_process& p, char const* token = server_process::kiosk_token) {
    ws_client c(p.port());
    c.hello(v1::ROLE_KIOSK, token);
    return c;
}

TEST(idempotency, a_retried_issue_returns_the_same_ticket_and_issues_no_other) {
    server_process process;
    process.start();
    auto c = kiosk(process);
    auto first = c.request(keyed(issue("passport"), "kiosk-1/0001")).reply().issued_ticket();
    auto again = c.request(keyed(issue("passport"), "kiosk-1/0001")).reply().issued_ticket();
    EXPECT_EQ("A001", first.number());
    EXPECT_EQ(first.number(), again.number());
    EXPECT_EQ(first.token(), again.token());
    auto other = kiosk(process);  // a reconnect: same device, new connection
    EXPECT_EQ("A001", other.request(keyed(issue("passport"), "kiosk-1/0001")).reply().issued_ticket().number());
    EXPECT_EQ("A002", c.request(keyed(issue("passport"), "kiosk-1/0002")).reply().issued_ticket().number());
    auto upstairs = kiosk(process, "demo-kiosk-upstairs-91c2");  // keys belong to their device
    EXPECT_EQ("A003", upstairs.request(keyed(issue("passport"), "kiosk-1/0001")).reply().issued_ticket().number());
}

TEST(idempotency, the_answer_survives_sigkill) {
    server_process process;
    process.start();
    std::string token;
    {
        auto c = kiosk(process);
        token = c.request(keyed(issue("notary"), "hall-1/42")).reply().issued_ticket().token();
    }
    process.kill();
    process.start();
    auto c = kiosk(process);
    auto retried = c.request(keyed(issue("notary"), "hall-1/42"));
    EXPECT_EQ("D001", retried.reply().issued_ticket().number()) << retried.DebugString();
    EXPECT_EQ(token, retried.reply().issued_ticket().token());
    EXPECT_EQ("D002", c.request(issue("notary")).reply().issued_ticket().number());
}

TEST(idempotency, a_refusal_is_the_answer_too) {
    server_process process;
    process.start();
    ws_client clerk(process.port());
    clerk.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret);
    clerk.request(counter_command(&v1::ClientMessage::mutable_open_counter, 4));
    auto call = keyed(counter_command(&v1::ClientMessage::mutable_call_next, 4), "c4/1");
    EXPECT_EQ("ERROR_CODE_NOTHING_WAITING", error_name(clerk.request(call)));
    kiosk(process).request(issue("civil_registry"));
    EXPECT_EQ("ERROR_CODE_NOTHING_WAITING", error_name(clerk.request(call)));  // changes nothing
    auto fresh = clerk.request(keyed(counter_command(&v1::ClientMessage::mutable_call_next, 4), "c4/2"));
    EXPECT_EQ("C001", fresh.reply().counter().current().number()) << fresh.DebugString();
}

}  // namespace
}  // namespace novbe::testing
