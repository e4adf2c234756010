// The audit trail over the wire: a manager asks the running server who did what today and gets
// it from the database, newest first, with the reasons; a clerk may not ask; a stranger's huge
// filters are refused with the limit named; and a restart loses none of it.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace novbe::testing {
namespace {

v1::ClientMessage audit(v1::AuditKind kind, std::uint32_t page_size = 0, std::uint64_t before = 0) {
    v1::ClientMessage m;
    m.mutable_get_audit()->set_kind(kind);
    m.mutable_get_audit()->set_page_size(page_size);
    m.mutable_get_audit()->set_before_sequence(before);
    return m;
}

// The entrance kiosk, anna at a counter and leyla the manager, each on a connection of its own.
struct staff {
    explicit staff(unsigned short port) : kiosk(port), anna(port), leyla(port) {}
    // Each says hello in its role; whoever is refused is named in the test's log.
    bool signed_in() {
        auto let_in = [](char const* who, v1::ServerMessage const& answer) {
            if (!answer.has_reply()) ADD_FAILURE() << who << " was not let in: " << answer.DebugString();
            return answer.has_reply();
        };
        bool k = let_in("kiosk", kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token));
        bool a = let_in("anna", anna.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret));
        bool l =
            let_in("leyla", leyla.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret));
        return k && a && l;
    }
    ws_client kiosk, anna, leyla;
};

// "kind by ROLE:name ticket@counter code; " per row, as the audit page shows them.
std::string rows(v1::ServerMessage const& m) {
    std::string out;
    for (auto const& r : m.reply().audit().rows()) {
        auto role = r.actor_role() == v1::ROLE_UNSPECIFIED ? std::string() : v1::Role_Name(r.actor_role()).substr(5);
        out += r.kind() + " by " + role + ":" + r.actor() + " " + r.ticket() + "@" + std::to_string(r.counter()) + " " +
               r.reason_code() + "; ";
    }
    return out;
}

TEST(audit_query, a_manager_reads_who_did_what_from_the_log_and_a_clerk_may_not) {
    server_process process;
    process.start();
    {
        staff people(process.port());
        ASSERT_TRUE(people.signed_in());
        auto& [kiosk, anna, leyla] = people;
        auto first = kiosk.request(issue("passport"));
        auto second = kiosk.request(issue("passport"));
        ASSERT_TRUE(first.has_reply() && second.has_reply());
        ASSERT_TRUE(anna.request(counter_command(&v1::ClientMessage::mutable_open_counter, 1)).has_reply());
        auto call = counter_command(&v1::ClientMessage::mutable_call_ticket, 1);
        call.mutable_call_ticket()->set_number(second.reply().issued_ticket().number());
        call.mutable_call_ticket()->set_reason("elderly");
        ASSERT_TRUE(anna.request(call).has_reply());
        v1::ClientMessage cancel;
        cancel.mutable_cancel_ticket()->set_number(first.reply().issued_ticket().number());
        cancel.mutable_cancel_ticket()->set_reason("wrong_service");
        ASSERT_TRUE(leyla.request(cancel).has_reply());

        // Asked right after the cancel: it is durable, so it is in the answer.
        auto page = leyla.request(audit(v1::AUDIT_KIND_OUT_OF_TURN));
        ASSERT_TRUE(page.has_reply()) << page.DebugString();
        EXPECT_EQ("ticket_cancelled by MANAGER:" + std::string(server_process::manager) + " A001@0 wrong_service; " +
                      "ticket_called by CLERK:" + server_process::clerk + " A002@1 elderly; ",
                  rows(page));
        ASSERT_EQ(2, page.reply().audit().rows_size());
        auto const& newest = page.reply().audit().rows(0);
        EXPECT_EQ("passport", newest.service_id());
        EXPECT_EQ(24u + 1, newest.local_time().size()) << newest.local_time();  // 2026-12-01T09:14:03+04:00
        EXPECT_EQ(0u, page.reply().audit().next_before_sequence());

        // Paging through everything a row at a time reaches the oldest and then stops.
        auto one = leyla.request(audit(v1::AUDIT_KIND_UNSPECIFIED, 1));
        ASSERT_TRUE(one.has_reply());
        ASSERT_EQ(1, one.reply().audit().rows_size());
        auto next = one.reply().audit().next_before_sequence();
        EXPECT_EQ(one.reply().audit().rows(0).sequence(), next);
        auto older = leyla.request(audit(v1::AUDIT_KIND_UNSPECIFIED, 1, next));
        ASSERT_EQ(1, older.reply().audit().rows_size());
        EXPECT_LT(older.reply().audit().rows(0).sequence(), next);

        // The tickets report says who called (and, once serving, who served).
        v1::ClientMessage tickets;
        tickets.mutable_get_tickets();
        auto report = leyla.request(tickets);
        bool found = false;
        for (auto const& r : report.reply().tickets().rows())
            if (r.number() == second.reply().issued_ticket().number()) {
                found = true;
                EXPECT_EQ(server_process::clerk, r.called_by());
                EXPECT_EQ("", r.served_by()) << "called, not yet serving";
            }
        EXPECT_TRUE(found);

        EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(anna.request(audit(v1::AUDIT_KIND_OUT_OF_TURN))));
        EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(kiosk.request(audit(v1::AUDIT_KIND_OUT_OF_TURN))));
        EXPECT_EQ("ERROR_CODE_INVALID_ARGUMENT", error_name(leyla.request(audit(v1::AUDIT_KIND_UNSPECIFIED, 4000000000u))));
        auto years = audit(v1::AUDIT_KIND_UNSPECIFIED);
        years.mutable_get_audit()->set_from_day("1970-01-01");
        years.mutable_get_audit()->set_to_day("2999-12-31");
        EXPECT_EQ("ERROR_CODE_INVALID_ARGUMENT", error_name(leyla.request(years)));
    }
    EXPECT_EQ(0, process.stop());
    process.start();
    ws_client leyla(process.port());
    ASSERT_TRUE(leyla.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).has_reply());
    auto page = leyla.request(audit(v1::AUDIT_KIND_OUT_OF_TURN));
    EXPECT_EQ(2, page.reply().audit().rows_size()) << "the trail is the log's, not the memory's";
    EXPECT_EQ(0, process.stop());
}

v1::ClientMessage move(std::string const& number, std::string const& to, std::string const& reason) {
    v1::ClientMessage m;
    m.mutable_move_ticket()->set_number(number);
    m.mutable_move_ticket()->set_to_service_id(to);
    m.mutable_move_ticket()->set_reason(reason);
    return m;
}

TEST(move_ticket, a_manager_moves_a_waiting_ticket_the_board_follows_and_the_audit_says_why) {
    server_process process;
    process.start();
    staff people(process.port());
    ASSERT_TRUE(people.signed_in());
    auto& [kiosk, anna, leyla] = people;
    ws_client board(process.port());
    ASSERT_TRUE(board.hello(v1::ROLE_BOARD).has_reply());
    auto number = kiosk.request(issue("passport")).reply().issued_ticket().number();
    v1::ClientMessage follow;
    follow.mutable_subscribe()->set_view(v1::VIEW_BOARD);
    ASSERT_TRUE(board.request(follow).has_snapshot());

    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(anna.request(move(number, "id_card", "wrong_service"))));
    EXPECT_EQ("ERROR_CODE_REASON_REQUIRED", error_name(leyla.request(move(number, "id_card", ""))));
    EXPECT_EQ("ERROR_CODE_SAME_SERVICE", error_name(leyla.request(move(number, "passport", "wrong_service"))));
    EXPECT_EQ("ERROR_CODE_UNKNOWN_SERVICE", error_name(leyla.request(move(number, "no_such", "wrong_service"))));
    auto moved = leyla.request(move(number, "id_card", "wrong_service"));
    ASSERT_TRUE(moved.has_reply()) << moved.DebugString();
    EXPECT_EQ("id_card", moved.reply().ticket_status().service_id());
    EXPECT_EQ(v1::TICKET_STATE_WAITING, moved.reply().ticket_status().state());

    // The board hears the move (not why) and both lines' new counts.
    std::string heard;
    std::map<std::string, std::uint32_t> waiting;
    for (int i = 0; i < 4 && heard.empty(); ++i) {
        auto m = board.receive();
        if (!m || !m->has_events()) continue;
        for (auto const& e : m->events().events())
            if (e.has_ticket_moved())
                heard = e.ticket_moved().number() + " " + e.ticket_moved().from_service_id() + ">" +
                        e.ticket_moved().to_service_id() + " why=" + e.ticket_moved().reason();
        for (auto const& l : m->events().lines()) waiting[l.service_id()] = l.waiting();
    }
    EXPECT_EQ(number + " passport>id_card why=", heard);
    EXPECT_EQ(0u, waiting["passport"]);
    EXPECT_EQ(1u, waiting["id_card"]);
    EXPECT_EQ("ERROR_CODE_SAME_SERVICE", error_name(leyla.request(move(number, "id_card", "wrong_service"))));

    auto page = leyla.request(audit(v1::AUDIT_KIND_OUT_OF_TURN));
    EXPECT_EQ("ticket_moved by MANAGER:" + std::string(server_process::manager) + " " + number + "@0 wrong_service; ", rows(page));
    EXPECT_EQ("id_card", page.reply().audit().rows(0).service_id());
    EXPECT_EQ(0, process.stop());
}

}  // namespace
}  // namespace novbe::testing
