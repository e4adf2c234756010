// Who did it, over the wire: a kiosk's issue and a clerk's chosen call reach a connected
// dashboard with who did them (and the call with why), a board never learns who or why, and after a restart a dashboard that
// resumes still hears who did what (the actor is in the log, not only in memory).
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <string>

namespace novbe::testing {
namespace {

v1::ClientMessage subscription(v1::View view, std::uint64_t after = 0) {
    v1::ClientMessage m;
    m.mutable_subscribe()->set_view(view);
    m.mutable_subscribe()->set_after_sequence(after);
    return m;
}

// "issued by KIOSK:kiosk hall entrance; called by CLERK:anna; " for the events a subscriber
// hears in its next few messages, until one tells of a call.
std::string who_did_what(ws_client& c) {
    std::string out;
    for (int i = 0; i < 6; ++i) {
        auto m = c.receive();
        if (!m) break;
        if (!m->has_events()) continue;
        bool called = false;
        for (auto const& e : m->events().events()) {
            std::string what = e.has_ticket_issued() ? "issued" : e.has_ticket_called() ? "called"
                             : e.has_counter_changed() ? "counter" : e.has_day_started() ? "day" : "other";
            auto role = e.actor_role() == v1::ROLE_UNSPECIFIED ? std::string() : v1::Role_Name(e.actor_role()).substr(5);
            out += what + " by " + role + ":" + e.actor();
            if (!e.ticket_called().reason().empty()) out += " for " + e.ticket_called().reason();
            out += "; ";
            called = called || e.has_ticket_called();
        }
        if (called) break;
    }
    return out;
}

TEST(actor, a_dashboard_hears_who_did_it_a_board_never_and_a_restart_keeps_it) {
    server_process process;
    process.start();
    std::uint64_t before_call = 0;
    {
        ws_client leyla(process.port());
        ASSERT_TRUE(leyla.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).has_reply());
        ws_client board(process.port());
        ASSERT_TRUE(board.hello(v1::ROLE_BOARD).has_reply());
        ws_client kiosk(process.port());
        ASSERT_TRUE(kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).has_reply());
        ws_client anna(process.port());
        ASSERT_TRUE(anna.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret).has_reply());
        ASSERT_TRUE(kiosk.request(issue("passport")).has_reply());
        auto second = kiosk.request(issue("passport"));
        ASSERT_TRUE(second.has_reply());
        ASSERT_TRUE(anna.request(counter_command(&v1::ClientMessage::mutable_open_counter, 1)).has_reply());
        auto dashboard = leyla.request(subscription(v1::VIEW_DASHBOARD));
        ASSERT_TRUE(dashboard.has_snapshot());
        before_call = dashboard.snapshot().sequence();
        ASSERT_TRUE(board.request(subscription(v1::VIEW_BOARD)).has_snapshot());

        auto call = counter_command(&v1::ClientMessage::mutable_call_ticket, 1);
        call.mutable_call_ticket()->set_number(second.reply().issued_ticket().number());
        EXPECT_EQ("ERROR_CODE_REASON_REQUIRED", error_name(anna.request(call))) << "out of turn without a why";
        call.mutable_call_ticket()->set_reason("elderly");
        ASSERT_TRUE(anna.request(call).has_reply()) << "the clerk calls A002 before A001";
        EXPECT_EQ("called by CLERK:anna for elderly; ", who_did_what(leyla));
        EXPECT_EQ("called by :; ", who_did_what(board)) << "who called, and why, is not the hall's business";
    }
    EXPECT_EQ(0, process.stop());
    process.start();
    {
        ws_client leyla(process.port());
        ASSERT_TRUE(leyla.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).has_reply());
        // From the day's start (after the users and devices the file seeded): both issues (the
        // kiosk's by its configured name), the counter opened and the call (the clerk's), read
        // back from disk.
        auto const day = server_process::seed_events + 1;
        auto from_start = leyla.request(subscription(v1::VIEW_DASHBOARD, day));
        ASSERT_TRUE(from_start.has_events()) << from_start.DebugString();
        std::string heard;
        for (auto const& e : from_start.events().events())
            heard += std::to_string(e.sequence() - day) + "=" + e.actor() + " ";
        EXPECT_EQ("1=kiosk hall entrance 2=kiosk hall entrance 3=anna 4=anna ", heard);
        EXPECT_EQ(before_call + 1, from_start.events().events().rbegin()->sequence());
    }
    EXPECT_EQ(0, process.stop());
}

}  // namespace
}  // namespace novbe::testing
