// Who is called next: classes, anti-starvation rules and the two counter policies.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class routing : public centre_test {};

TEST_F(routing, first_in_first_out_within_a_class) {
    open(1);
    issue("passport");
    issue("passport");
    issue("passport");
    EXPECT_EQ("A001", call(1));
    serve(1);
    EXPECT_EQ("A002", call(1));
}

TEST_F(routing, priority_tickets_go_before_normal_ones) {
    open(1);
    issue("passport");
    issue("passport", priority_class::priority);
    EXPECT_EQ("A: waiting=A001,A002+", render(c, "passport"));
    EXPECT_EQ("A002", call(1));
}

TEST_F(routing, a_due_appointment_goes_before_priority) {
    open(1);
    issue("passport", priority_class::priority);
    appointment("passport", now + 3min);  // within the 5 minutes it counts as due
    EXPECT_EQ("A002", call(1));
}

TEST_F(routing, an_early_appointment_waits_until_nobody_else_does) {
    open(1);
    appointment("passport", now + 1h);
    issue("passport");
    EXPECT_EQ("A002", call(1));
    serve(1);
    EXPECT_EQ("A001", call(1));
}

TEST_F(routing, an_appointment_becomes_due_as_time_passes) {
    open(1);
    appointment("passport", now + 30min);
    issue("passport");
    issue("passport");
    EXPECT_EQ("A002", call(1));
    serve(1);
    now += 26min;
    EXPECT_EQ("A001", call(1));
}

TEST_F(routing, a_normal_ticket_past_the_maximum_wait_overtakes_priority) {
    open(1);
    issue("passport");
    now += 31min;  // passport's maximum wait is 30 minutes
    issue("passport", priority_class::priority);
    EXPECT_EQ("A001", call(1));
}

TEST_F(routing, at_most_three_priority_calls_in_a_row_at_one_counter) {
    open(1);
    issue("passport");
    for (int i = 0; i < 4; ++i) issue("passport", priority_class::priority);
    std::string calls;
    for (int i = 0; i < 5; ++i) {
        calls += call(1) + " ";
        serve(1);
    }
    EXPECT_EQ("A002 A003 A004 A001 A005 ", calls);
}

TEST_F(routing, priority_is_called_anyway_when_no_normal_ticket_waits) {
    open(1);
    for (int i = 0; i < 5; ++i) issue("passport", priority_class::priority);
    for (int i = 0; i < 4; ++i) {
        call(1);
        serve(1);
    }
    EXPECT_EQ("A005", call(1));
}

TEST_F(routing, longest_wait_first_across_the_counters_services) {
    open(2);  // serves A and B, longest wait first
    issue("id_card");
    now += 1min;
    issue("passport");
    EXPECT_EQ("B001", call(2));
    serve(2);
    EXPECT_EQ("A001", call(2));
}

TEST_F(routing, rank_counts_before_wait_across_services) {
    open(2);
    issue("id_card");
    issue("passport", priority_class::priority);
    EXPECT_EQ("A001", call(2));
}

TEST_F(routing, strict_service_order_serves_the_first_service_while_it_has_anyone) {
    open(3);  // serves B, then A
    issue("passport");
    now += 1min;
    issue("id_card");
    EXPECT_EQ("B001", call(3));
    serve(3);
    EXPECT_EQ("A001", call(3));
}

TEST_F(routing, a_counter_calls_only_its_own_services) {
    open(1);  // passport only
    issue("id_card");
    EXPECT_EQ("nothing_waiting", call(1));
    EXPECT_EQ("service_not_at_counter", run(call_ticket{1, "B001", "", "elderly"}));
}

TEST_F(routing, a_clerk_may_call_a_chosen_ticket) {
    open(1);
    issue("passport");
    issue("passport");
    EXPECT_EQ("ok", run(call_ticket{1, "A002", "", "elderly"}));
    EXPECT_EQ("A: called=A002@1 waiting=A001", render(c, "passport"));
    open(2);
    EXPECT_EQ("unknown_ticket", run(call_ticket{2, "Z001", "", "elderly"}));
    EXPECT_EQ("ticket_not_waiting", run(call_ticket{2, "A002", "", "elderly"}));
}

TEST_F(routing, two_counters_never_get_the_same_ticket) {
    open(1);
    open(2);
    issue("passport");
    EXPECT_EQ("A001", call(1));
    EXPECT_EQ("nothing_waiting", call(2));
}

}  // namespace
}  // namespace novbe::core::testing
