// The counters' plan in the estimate (docs/DOMAIN.md#the-counters-plan): a planned break's
// length, and a break ahead, as the line's counters will really be.
#include "centre_fixture.hpp"
#include "core/breach_forecast.hpp"

namespace novbe::core::testing {
namespace {

using std::chrono::minutes;

// The small centre with counter 1's breaks planned; morning() is 08:00 local.
class counter_plan : public centre_test {
protected:
    void plan(std::vector<planned_break> breaks) {
        auto config = small_centre();
        config.counters[0].breaks = std::move(breaks);
        ASSERT_EQ("", validate(config));
        c = centre(config);
    }
    duration told_now() const { return c.estimated_range(service("passport"), now).middle; }
};

TEST_F(counter_plan, a_pause_on_a_planned_hour_long_break_is_back_after_the_hour_not_after_twenty_minutes) {
    open(1);
    ASSERT_EQ("ok", run(pause_counter{.counter = 1, .reason = "lunch"}));
    EXPECT_EQ(duration(minutes(20)), told_now()) << "unplanned: a break is taken as 20 minutes";

    plan({{.at = minutes(8 * 60), .length = minutes(60)}});
    open(1);
    ASSERT_EQ("ok", run(pause_counter{.counter = 1, .reason = "lunch"}));
    EXPECT_EQ(duration(minutes(60)), told_now());
    now += 45min;
    EXPECT_EQ(duration(minutes(15)), told_now()) << "counted down from the pause's start";
}

TEST_F(counter_plan, a_break_ahead_takes_the_counter_away_for_its_length) {
    open(1);
    for (int i = 0; i < 3; ++i) issue("passport");
    EXPECT_EQ(duration(minutes(18)), told_now()) << "3 x 6 min, nobody called yet";

    plan({{.at = minutes(8 * 60 + 10), .length = minutes(30)}});
    open(1);
    for (int i = 0; i < 3; ++i) issue("passport");
    // 10 minutes of work before the break, 30 away, then the 8 minutes left.
    EXPECT_EQ(duration(minutes(48)), told_now());
    now += 50min;  // the break's end has passed: the plan no longer counts
    EXPECT_EQ(duration(minutes(18)), told_now());
}

TEST_F(counter_plan, the_forecast_sees_a_breach_that_a_break_ahead_will_cause) {
    open(1);
    issue("passport");
    EXPECT_EQ(std::nullopt, predicted_breach(c, service("passport"), now)) << "one at the counter: 6 min, target 10";

    plan({{.at = minutes(8 * 60 + 2), .length = minutes(30)}});
    open(1);
    issue("passport");
    // The next citizen waits 2 min of work, the 30 min break, then 4 more: past the target.
    EXPECT_EQ(std::optional(duration(minutes(10))), predicted_breach(c, service("passport"), now));
}

TEST(counter_plan_config, breaks_are_within_the_day_in_order_and_not_overlapping) {
    auto config = small_centre();
    config.counters[0].breaks = {{.at = minutes(720), .length = minutes(30)}, {.at = minutes(740), .length = minutes(10)}};
    EXPECT_EQ("counter 1: breaks are in order and do not overlap", validate(config));
    config.counters[0].breaks = {{.at = minutes(720), .length = minutes(0)}};
    EXPECT_EQ("counter 1: a break starts within the day and lasts 1 to 240 minutes", validate(config));
    config.counters[0].breaks = {{.at = minutes(720), .length = minutes(30)}, {.at = minutes(960), .length = minutes(15)}};
    EXPECT_EQ("", validate(config));
}

}  // namespace
}  // namespace novbe::core::testing
