// Counter states: closed, open, serving, paused (with a reason).
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class counter : public centre_test {};

TEST_F(counter, starts_closed_and_opens_for_a_clerk) {
    issue("passport");
    EXPECT_EQ("1: closed", render_counter(c, 1));
    EXPECT_EQ("counter_closed", call(1));
    EXPECT_EQ("clerk_required", run(open_counter{1, ""}));
    open(1, "anna");
    EXPECT_EQ("1: open by anna", render_counter(c, 1));
    EXPECT_EQ("counter_already_open", run(open_counter{1, "bob"}));
    EXPECT_EQ("A001", call(1));
    EXPECT_EQ("1: serving A001 by anna", render_counter(c, 1));
}

TEST_F(counter, pauses_with_a_reason_and_resumes) {
    open(1, "anna");
    issue("passport");
    EXPECT_EQ("invalid_argument", run(pause_counter{1, ""}));
    EXPECT_EQ("ok", run(pause_counter{1, "lunch"}));
    EXPECT_EQ("1: paused (lunch) by anna", render_counter(c, 1));
    EXPECT_EQ("counter_paused", call(1));
    EXPECT_EQ("counter_paused", run(pause_counter{1, "again"}));
    EXPECT_EQ("ok", run(resume_counter{1}));
    EXPECT_EQ("counter_not_paused", run(resume_counter{1}));
    EXPECT_EQ("A001", call(1));
}

TEST_F(counter, cannot_pause_or_close_with_a_ticket_at_it) {
    open(1);
    issue("passport");
    call(1);
    EXPECT_EQ("counter_busy", run(pause_counter{1, "break"}));
    EXPECT_EQ("counter_busy", run(close_counter{1}));
    serve(1);
    EXPECT_EQ("ok", run(close_counter{1}));
    EXPECT_EQ("1: closed", render_counter(c, 1));
    EXPECT_EQ("counter_closed", run(close_counter{1}));
    EXPECT_EQ("counter_closed", run(resume_counter{1}));
}

TEST_F(counter, unknown_counters_are_refused) {
    EXPECT_EQ("unknown_counter", run(open_counter{9, "anna"}));
    EXPECT_EQ("unknown_counter", call(9));
    EXPECT_EQ("unknown_counter", run(start_serving{9}));
}

TEST_F(counter, a_paused_counter_does_not_count_for_estimates) {
    open(1);
    open(2);
    EXPECT_EQ(2u, c.open_counters(service("passport")));
    run(pause_counter{1, "break"});
    EXPECT_EQ(1u, c.open_counters(service("passport")));
}

}  // namespace
}  // namespace novbe::core::testing
