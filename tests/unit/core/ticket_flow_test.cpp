// A ticket's life: waiting -> called (recalls) -> serving -> done, and the ways out of it.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class ticket_flow : public centre_test {};

TEST_F(ticket_flow, a_ticket_is_called_served_and_done) {
    open(1);
    EXPECT_EQ("A001", issue("passport"));
    EXPECT_EQ("A: waiting=A001", render(c, "passport"));
    EXPECT_EQ("A001", call(1));
    EXPECT_EQ("A: called=A001@1", render(c, "passport"));
    EXPECT_EQ("ok", run(start_serving{1}));
    EXPECT_EQ("A: serving=A001@1", render(c, "passport"));
    EXPECT_EQ("ok", run(complete_service{1, "passport renewed"}));
    EXPECT_EQ("A: done=A001", render(c, "passport"));
    EXPECT_EQ("1: open by clerk", render_counter(c, 1));
}

TEST_F(ticket_flow, a_called_ticket_can_be_recalled_up_to_the_limit_then_marked_no_show) {
    open(1);
    issue("passport");
    call(1);
    EXPECT_EQ("ok", run(recall_ticket{1}));
    EXPECT_EQ("ok", run(recall_ticket{1}));
    EXPECT_EQ("recall_limit_reached", run(recall_ticket{1}));
    EXPECT_EQ("ok", run(mark_no_show{1}));
    EXPECT_EQ("A: no_show=A001", render(c, "passport"));
    EXPECT_EQ(2, c.tickets()[0].current().recalls);
}

// The board's recent calls hold each number once, newest first: a recall moves it to the
// front, so a board opened now neither shows it twice nor loses an older call for it.
TEST_F(ticket_flow, a_recall_moves_its_call_to_the_front_of_the_recent_calls_once) {
    open(1);
    open(2);
    issue("passport");
    issue("passport");
    call(1);
    call(2);
    EXPECT_EQ("ok", run(recall_ticket{1}));
    std::string calls;
    for (auto const& r : c.recent_calls()) calls += r.number + "@" + std::to_string(r.counter) + (r.recall ? "r " : " ");
    EXPECT_EQ("A001@1r A002@2 ", calls);
}

TEST_F(ticket_flow, steps_out_of_order_are_refused_and_change_nothing) {
    open(1);
    EXPECT_EQ("counter_idle", run(start_serving{1}));
    issue("passport");
    call(1);
    EXPECT_EQ("ticket_not_serving", run(complete_service{1, ""}));
    EXPECT_EQ("counter_busy", run(call_next{1}));
    EXPECT_EQ("ok", run(start_serving{1}));
    EXPECT_EQ("ticket_not_called", run(recall_ticket{1}));
    EXPECT_EQ("ticket_not_called", run(mark_no_show{1}));
    EXPECT_EQ("ticket_not_called", run(start_serving{1}));
    EXPECT_EQ("A: serving=A001@1", render(c, "passport"));
}

TEST_F(ticket_flow, a_transferred_ticket_keeps_its_number_and_its_place_by_issue_time) {
    open(1);
    open(3);  // serves B first, then A
    issue("passport");  // A001, issued first
    issue("id_card");   // B001
    issue("id_card");   // B002
    EXPECT_EQ("A001", call(1));
    EXPECT_EQ("ok", run(start_serving{1}));
    EXPECT_EQ("ok", run(transfer_ticket{1, service("id_card")}));
    EXPECT_EQ("B: waiting=A001,B001,B002", render(c, "id_card"));
    // A001 was issued before B001, so it is called first in its new line.
    EXPECT_EQ("A001", call(3));
    EXPECT_EQ("A: transferred=A001", render(c, "passport"));
    EXPECT_EQ("B: called=A001@3 waiting=B001,B002", render(c, "id_card"));
}

TEST_F(ticket_flow, a_called_ticket_may_be_transferred_without_starting_its_service) {
    open(1);
    issue("passport");
    EXPECT_EQ("A001", call(1));
    EXPECT_EQ("ok", run(transfer_ticket{1, service("id_card")}));
    EXPECT_EQ("A: transferred=A001", render(c, "passport"));
    EXPECT_EQ("B: waiting=A001", render(c, "id_card"));
    EXPECT_EQ("counter_idle", run(transfer_ticket{1, service("passport")}));  // nothing held now
}

TEST_F(ticket_flow, transfer_needs_another_known_service) {
    open(1);
    issue("passport");
    call(1);
    run(start_serving{1});
    EXPECT_EQ("same_service", run(transfer_ticket{1, service("passport")}));
    EXPECT_EQ("unknown_service", run(transfer_ticket{1, 77}));
}

TEST_F(ticket_flow, only_a_waiting_ticket_can_be_cancelled) {
    open(1);
    issue("passport");
    issue("passport");
    EXPECT_EQ("ok", run(cancel_ticket{"A002", "citizen_request"}));
    EXPECT_EQ("A: waiting=A001 cancelled=A002", render(c, "passport"));
    call(1);
    EXPECT_EQ("ticket_not_waiting", run(cancel_ticket{"A001", "citizen_request"}));
    EXPECT_EQ("unknown_ticket", run(cancel_ticket{"A009", "citizen_request"}));
    serve(1);
    EXPECT_EQ("nothing_waiting", call(1));  // the cancelled A002 is never called
}

}  // namespace
}  // namespace novbe::core::testing
