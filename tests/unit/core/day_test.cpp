// The centre's day: closing time, roll-over at the local day start, clocks that step back.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class day : public centre_test {};

TEST_F(day, closing_closes_waiting_tickets_unserved_and_lets_counters_finish) {
    open(1);
    issue("passport");
    issue("passport");
    call(1);
    EXPECT_EQ("ok", run(close_day{}));
    EXPECT_EQ("A: called=A001@1 closed=A002", render(c, "passport"));
    EXPECT_EQ(1u, c.statistics().by_service[0].closed_unserved);
    serve(1);
    EXPECT_EQ("A: done=A001 closed=A002", render(c, "passport"));
}

TEST_F(day, a_new_local_day_starts_empty_with_counters_closed) {
    open(1);
    issue("passport");
    auto first_day = c.day();
    now += 15h;  // 23:00 local: still today
    EXPECT_EQ("ok", run(tick{}));
    EXPECT_EQ(first_day, c.day());
    now += 1h;  // midnight local
    EXPECT_EQ("ok", run(tick{}));
    EXPECT_EQ(first_day + 1, c.day());
    EXPECT_EQ("A:", render(c, "passport"));
    EXPECT_EQ("1: closed", render_counter(c, 1));
    EXPECT_EQ(0u, c.statistics().by_service[0].issued);
    EXPECT_TRUE(std::holds_alternative<day_started>(log.back()));
}

TEST_F(day, the_roll_over_is_logged_before_the_command_that_noticed_it) {
    issue("passport");
    now += 1 * std::chrono::days{1};
    auto before = log.size();
    issue("passport");
    ASSERT_EQ(before + 2, log.size());
    EXPECT_TRUE(std::holds_alternative<day_started>(log[before]));
    EXPECT_TRUE(std::holds_alternative<ticket_issued>(log[before + 1]));
}

TEST_F(day, a_refused_command_does_not_roll_the_day) {
    issue("passport");
    auto first_day = c.day();
    now += 1 * std::chrono::days{1};
    EXPECT_EQ("counter_closed", call(1));
    EXPECT_EQ(first_day, c.day());
}

TEST_F(day, a_clock_that_steps_back_stays_in_today) {
    issue("passport");
    now -= 1 * std::chrono::days{1};
    EXPECT_EQ("A002", issue("passport"));
}

TEST_F(day, the_day_starts_at_the_configured_local_hour) {
    auto config = small_centre();
    config.rules.day_start = 4h;  // a centre that closes after midnight
    centre late(config);
    auto at = [&](std::chrono::hours local) { return morning() - 8h + local; };  // local midnight + h
    EXPECT_EQ(late.decide(tick{}, at(3h)).events().size(), 1u);
    late.apply(late.decide(tick{}, at(3h)).events()[0]);
    EXPECT_EQ(0u, late.decide(tick{}, at(3h) + 59min).events().size());
    EXPECT_EQ(1u, late.decide(tick{}, at(4h)).events().size());
}

}  // namespace
}  // namespace novbe::core::testing
