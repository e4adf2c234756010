// The real server over loopback, driven by real WebSocket clients: every role's commands and
// the refusals a role gets for someone else's.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace novbe::testing {
namespace {

using M = v1::ClientMessage;

class server : public ::testing::Test {
protected:
    void SetUp() override { process.start(); }
    ws_client kiosk() {
        ws_client c(process.port());
        auto welcome = c.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
        EXPECT_TRUE(welcome.has_reply() && welcome.reply().has_welcome()) << welcome.DebugString();
        return c;
    }
    ws_client clerk() {
        ws_client c(process.port());
        auto welcome = c.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret);
        EXPECT_TRUE(welcome.has_reply() && welcome.reply().has_welcome()) << welcome.DebugString();
        return c;
    }
    server_process process;
};

TEST_F(server, health_and_schema_are_served_over_http) {
    EXPECT_EQ(200, http_get(process.port(), "/healthz").first);
    auto [status, schema] = http_get(process.port(), "/novbe.proto");
    EXPECT_EQ(200, status);
    EXPECT_NE(std::string::npos, schema.find("package novbe.v1;"));
    EXPECT_EQ(404, http_get(process.port(), "/no-such-page").first);
}

TEST_F(server, metrics_count_connections_commands_errors_and_commits) {
    auto k = kiosk();
    k.request(issue("passport"));
    k.request(issue("passport"));
    k.request(issue("tax_office"));
    auto [status, text] = http_get(process.port(), "/metrics");
    ASSERT_EQ(200, status);
    for (auto line : {"novbe_connections{role=\"kiosk\"} 1", "novbe_commands_total{type=\"issue_ticket\"} 3",
                      "novbe_commands_total{type=\"hello\"} 1", "novbe_errors_total{code=\"ERROR_CODE_UNKNOWN_SERVICE\"} 1",
                      "novbe_waiting{service=\"passport\"} 2", "novbe_tickets_today 2", "# TYPE novbe_commit_seconds histogram"})
        EXPECT_NE(std::string::npos, text.find(line)) << "missing: " << line << "\n" << text;
    EXPECT_EQ(std::string::npos, text.find("novbe_commit_events_count 0")) << text;
}

TEST_F(server, a_kiosk_is_welcomed_with_the_centre_and_issues_tickets) {
    ws_client c(process.port());
    auto welcome = c.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    ASSERT_TRUE(welcome.reply().has_welcome()) << welcome.DebugString();
    EXPECT_EQ(7, welcome.reply().welcome().centre().services_size());
    EXPECT_EQ("Pasport", welcome.reply().welcome().centre().services(0).names().at("az"));

    auto first = c.request(issue("passport"));
    ASSERT_TRUE(first.reply().has_issued_ticket()) << first.DebugString();
    auto const& ticket = first.reply().issued_ticket();
    EXPECT_EQ("A001", ticket.number());
    EXPECT_EQ(0u, ticket.people_ahead());
    EXPECT_EQ(32u, ticket.token().size());
    auto second = c.request(issue("passport"));
    EXPECT_EQ("A002", second.reply().issued_ticket().number());
    EXPECT_EQ(1u, second.reply().issued_ticket().people_ahead());
    EXPECT_GT(second.reply().issued_ticket().estimated_wait_s(), 0);
    EXPECT_EQ("ERROR_CODE_UNKNOWN_SERVICE", error_name(c.request(issue("tax_office"))));
}

// Replaces `from` by `to` in the server's configuration file, once; fails if `from` is absent.
void edit_config(server_process const& p, std::string const& from, std::string const& to) {
    auto path = p.folder() + "/centre.toml";
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto at = text.find(from);
    ASSERT_NE(std::string::npos, at) << from;
    text.replace(at, from.size(), to);
    std::ofstream(path, std::ios::trunc) << text;
}

TEST(server_rules, a_welcome_carries_the_rules_a_client_needs_as_configured) {
    server_process process;
    edit_config(process, "max_recalls = 2", "max_recalls = 4");
    edit_config(process, "max_priority_streak = 3", "max_priority_streak = 2");
    edit_config(process, "appointment_early_minutes = 5", "appointment_early_minutes = 10");
    process.hours("09:30", "18:15");
    edit_config(process, "opening = \"09:30\"", "opening = \"09:30\"\nday_start_minutes = 240");
    process.start();
    ws_client board(process.port());  // a public screen gets the hours, not the rules
    auto public_welcome = board.hello(v1::ROLE_BOARD);
    ASSERT_TRUE(public_welcome.reply().has_welcome()) << public_welcome.DebugString();
    EXPECT_EQ("09:30", public_welcome.reply().welcome().centre().opening());
    EXPECT_EQ(0u, public_welcome.reply().welcome().centre().max_recalls());
    ws_client clerk(process.port());  // staff get the rules
    auto welcome = clerk.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret);
    ASSERT_TRUE(welcome.reply().has_welcome()) << welcome.DebugString();
    auto const& centre = welcome.reply().welcome().centre();
    EXPECT_EQ(4u, centre.max_recalls());
    EXPECT_EQ(2u, centre.max_priority_streak());
    EXPECT_EQ(600, centre.appointment_early_s());
    EXPECT_EQ("09:30", centre.opening());
    EXPECT_EQ("18:15", centre.closing());
    EXPECT_EQ(240u, centre.day_start_minutes());
    EXPECT_EQ("Asia/Baku", centre.time_zone());
    ASSERT_EQ(8, centre.counters_size());  // counters 1 and 3 of the demo: by wait, and in their order
    EXPECT_EQ(v1::ROUTING_POLICY_LONGEST_WAIT_FIRST, centre.counters(0).policy());
    EXPECT_EQ(v1::ROUTING_POLICY_STRICT_SERVICE_ORDER, centre.counters(2).policy());
    EXPECT_EQ(2700, centre.services(0).max_wait_s());  // passport: 45 minutes
    EXPECT_EQ(900, centre.services(0).target_wait_s());
}

TEST_F(server, a_clerk_serves_a_ticket_from_call_to_completion) {
    auto k = kiosk();
    auto token = k.request(issue("id_card")).reply().issued_ticket().token();
    auto c = clerk();
    auto opened = c.request(counter_command(&M::mutable_open_counter, 3));
    ASSERT_TRUE(opened.reply().has_counter()) << opened.DebugString();
    EXPECT_EQ(v1::COUNTER_STATUS_OPEN, opened.reply().counter().status());
    EXPECT_EQ("anna", opened.reply().counter().clerk());
    auto called = c.request(counter_command(&M::mutable_call_next, 3));
    EXPECT_EQ("B001", called.reply().counter().current().number());
    EXPECT_EQ(v1::TICKET_STATE_CALLED, called.reply().counter().current().state());
    EXPECT_EQ("ERROR_CODE_COUNTER_BUSY", error_name(c.request(counter_command(&M::mutable_call_next, 3))));
    auto again = clerk().request(counter_command(&M::mutable_get_counter, 3));  // a restarted counter client
    EXPECT_EQ("B001", again.reply().counter().current().number()) << again.DebugString();
    EXPECT_EQ("ERROR_CODE_UNKNOWN_COUNTER", error_name(c.request(counter_command(&M::mutable_get_counter, 99))));
    c.request(counter_command(&M::mutable_start_serving, 3));
    auto done = c.request(counter_command(&M::mutable_complete_service, 3));
    EXPECT_EQ(v1::COUNTER_STATUS_OPEN, done.reply().counter().status());
    EXPECT_FALSE(done.reply().counter().has_current());
    EXPECT_EQ("ERROR_CODE_NOTHING_WAITING", error_name(c.request(counter_command(&M::mutable_call_next, 3))));

    M stats;
    stats.mutable_get_statistics();
    auto figures = c.request(stats).reply().statistics();
    EXPECT_EQ(10u, figures.day().size());  // "YYYY-MM-DD", the centre's local date
    EXPECT_EQ("id_card", figures.by_service(1).key());
    EXPECT_EQ(1u, figures.by_service(1).served());

    ws_client phone(process.port());  // the QR code's page: the ticket's own token
    ASSERT_TRUE(phone.hello(v1::ROLE_TICKET_HOLDER, token).reply().has_welcome());
    M rate;
    rate.mutable_rate_service()->set_ticket_token(token);
    rate.mutable_rate_service()->set_score(5);
    auto rated = phone.request(rate);
    EXPECT_EQ(5u, rated.reply().ticket_status().rating()) << rated.DebugString();
    EXPECT_EQ("ERROR_CODE_ALREADY_RATED", error_name(phone.request(rate)));
}

TEST_F(server, a_manager_gets_todays_tickets_one_row_per_stay_in_a_line) {
    auto k = kiosk();
    k.request(issue("id_card"));
    k.request(issue("passport"));
    auto c = clerk();
    c.request(counter_command(&M::mutable_open_counter, 3));
    c.request(counter_command(&M::mutable_call_next, 3));  // B001: the strict order serves id_card first
    c.request(counter_command(&M::mutable_start_serving, 3));
    M transfer = counter_command(&M::mutable_transfer_ticket, 3);
    transfer.mutable_transfer_ticket()->set_to_service_id("passport");
    c.request(transfer);

    ws_client manager(process.port());
    manager.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
    M get;
    get.mutable_get_tickets();
    auto answer = manager.request(get);
    ASSERT_TRUE(answer.reply().has_tickets()) << answer.DebugString();
    auto const& rows = answer.reply().tickets().rows();
    ASSERT_EQ(3, rows.size());  // B001 in id_card, then in passport; A001
    EXPECT_EQ("B001", rows[0].number());
    EXPECT_EQ("id_card", rows[0].service_id());
    EXPECT_EQ("transferred", rows[0].ending());
    EXPECT_EQ(3u, rows[0].counter());
    EXPECT_EQ("anna", rows[0].clerk());
    EXPECT_GT(rows[0].started_at_ms(), 0);
    EXPECT_EQ("B001", rows[1].number());
    EXPECT_EQ("passport", rows[1].service_id());
    EXPECT_EQ("", rows[1].ending());
    EXPECT_EQ(0, rows[1].called_at_ms());
    EXPECT_EQ(v1::TICKET_STATE_WAITING, rows[1].state());
    EXPECT_EQ("A001", rows[2].number());
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(c.request(get)));  // clerks do not export
}

TEST_F(server, a_rating_pad_sees_the_ticket_its_counter_served_last_and_no_other) {
    auto k = kiosk();
    auto in_russian = issue("passport");
    in_russian.mutable_issue_ticket()->set_language("ru");
    k.request(in_russian);
    ws_client pad(process.port());
    ASSERT_TRUE(pad.hello(v1::ROLE_RATING_DEVICE, server_process::rating_token).reply().has_welcome());
    M last;
    last.mutable_get_last_served()->set_counter(1);
    EXPECT_EQ("ERROR_CODE_UNKNOWN_TICKET", error_name(pad.request(last)));  // nothing served there yet
    auto c = clerk();
    c.request(counter_command(&M::mutable_open_counter, 1));
    c.request(counter_command(&M::mutable_call_next, 1));
    c.request(counter_command(&M::mutable_start_serving, 1));
    c.request(counter_command(&M::mutable_complete_service, 1));
    auto served = pad.request(last);
    EXPECT_EQ("A001", served.reply().ticket_status().number()) << served.DebugString();
    EXPECT_EQ("ru", served.reply().ticket_status().language());  // the pad asks in the citizen's language
    EXPECT_TRUE(served.reply().ticket_status().can_rate());
    M other = last;
    other.mutable_get_last_served()->set_counter(2);
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(pad.request(other)));
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(k.request(last)));
}

TEST_F(server, each_role_is_refused_what_is_not_its_own) {
    auto k = kiosk();
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(k.request(counter_command(&M::mutable_call_next, 1))));
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(k.request(counter_command(&M::mutable_get_counter, 1))));
    M cancel;
    cancel.mutable_cancel_ticket()->set_number("A001");
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(k.request(cancel)));
    auto c = clerk();
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(c.request(issue("passport"))));
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(c.request(cancel)));
    EXPECT_EQ("ERROR_CODE_ALREADY_GREETED", error_name(c.hello(v1::ROLE_KIOSK, server_process::kiosk_token)));

    ws_client board(process.port());
    ASSERT_TRUE(board.hello(v1::ROLE_BOARD).reply().has_welcome());  // public boards need no token
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(board.request(issue("passport"))));

    ws_client manager(process.port());
    ASSERT_TRUE(manager.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).reply().has_welcome());
    k.request(issue("passport"));
    EXPECT_EQ("ERROR_CODE_REASON_REQUIRED", error_name(manager.request(cancel))) << "staff cancel with a reason";
    cancel.mutable_cancel_ticket()->set_reason("citizen_request");
    auto cancelled = manager.request(cancel);
    EXPECT_EQ(v1::TICKET_STATE_CANCELLED, cancelled.reply().ticket_status().state()) << cancelled.DebugString();
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(manager.request(counter_command(&M::mutable_open_counter, 1))));
}

TEST_F(server, a_citizen_who_leaves_cancels_their_own_ticket_and_no_other) {
    auto k = kiosk();
    auto mine = k.request(issue("passport")).reply().issued_ticket();
    k.request(issue("passport"));  // A002, someone else's
    ws_client phone(process.port());
    ASSERT_TRUE(phone.hello(v1::ROLE_TICKET_HOLDER, mine.token()).reply().has_welcome());
    M other;
    other.mutable_cancel_ticket()->set_number("A002");
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(phone.request(other)));
    M own;
    own.mutable_cancel_ticket()->set_number(mine.number());
    auto cancelled = phone.request(own);
    EXPECT_EQ(v1::TICKET_STATE_CANCELLED, cancelled.reply().ticket_status().state()) << cancelled.DebugString();
    M status;
    status.mutable_get_ticket_status()->set_ticket_token(mine.token());
    EXPECT_EQ(v1::TICKET_STATE_CANCELLED, phone.request(status).reply().ticket_status().state());
}

TEST_F(server, wrong_credentials_are_refused_and_the_connection_closed) {
    ws_client c(process.port());
    EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED", error_name(c.hello(v1::ROLE_CLERK, server_process::clerk, "wrong-secret")));
    EXPECT_EQ(1008, c.wait_for_close());
    ws_client d(process.port());
    EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED", error_name(d.hello(v1::ROLE_KIOSK, "not-a-device-token")));
    ws_client e(process.port());
    // The right secret for the wrong role: said as it is (the secret was right, so nothing leaks).
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(e.hello(v1::ROLE_CLERK, server_process::manager,
                                                                 server_process::manager_secret)));
    ws_client f(process.port());
    M early = issue("passport");
    early.set_request_id(9);
    f.send(early);
    EXPECT_EQ("ERROR_CODE_HELLO_REQUIRED", error_name(*f.receive()));
    EXPECT_EQ(1008, f.wait_for_close());
}

}  // namespace
}  // namespace novbe::testing
