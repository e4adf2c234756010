// Alerts before a breach: a line predicted to pass its target within the horizon.
#include "centre_fixture.hpp"

#include "core/breach_forecast.hpp"

namespace novbe::core::testing {
namespace {

using std::chrono::minutes;

class breach_forecast : public centre_test {};

TEST_F(breach_forecast, a_line_growing_past_its_target_is_foreseen_until_a_counter_opens) {
    open(1);
    issue("passport");
    call(1);
    issue("passport");
    issue("passport");
    // A ticket taken now: A002, A003 and half of A001's stay, 2.5 x 6 = 15 min against a
    // 10-minute target: it would pass its target 10 minutes from now
    EXPECT_EQ(std::optional(duration(minutes(10))), predicted_breach(c, service("passport"), now));
    open(2);  // serves passport too: 2 x 6 min over two counters
    EXPECT_EQ(std::nullopt, predicted_breach(c, service("passport"), now));
}

TEST_F(breach_forecast, a_ticket_already_past_its_target_is_a_breach_now) {
    issue("passport");
    now += 11min;
    EXPECT_EQ(std::optional(duration::zero()), predicted_breach(c, service("passport"), now));
    EXPECT_EQ(std::nullopt, predicted_breach(c, service("id_card"), now));  // nobody waits there
}

// docs/DOMAIN.md#alerts-before-a-breach: twenty normal tickets came in the last half hour (and
// left: cancelled), so about seven more are due in the next 10 minutes, the span in which a
// joiner's 10-minute target still falls inside the 20-minute horizon. One counter at 6 minutes
// each cannot keep up: a ticket taken now waits nothing, one taken in 10 minutes 7 x 6 - 10 =
// 32 minutes, so the first joiner past its target comes (10 - 0) / (32 - 0) of the way, about
// 3 minutes from now, and passes it 10 minutes later. The same line without those arrivals
// foresees nothing.
TEST_F(breach_forecast, a_line_whose_arrivals_outrun_its_counters_is_foreseen_before_anyone_waits) {
    open(1);
    for (int i = 0; i < 20; ++i) {
        auto number = issue("passport");
        ASSERT_EQ("ok", run(cancel_ticket{number, "citizen_request"}));
        now += 90s;
    }
    auto const a = service("passport");
    ASSERT_TRUE(c.queue(a).empty());
    auto b = predicted_breach(c, a, now);
    ASSERT_TRUE(b.has_value());
    EXPECT_GE(*b, duration(13min));
    EXPECT_LE(*b, duration(14min));
    EXPECT_EQ(alert_level::target, forecast_alert(c, a, now).level);

    now += 31min;  // the same line, its last arrivals now older than the window
    EXPECT_EQ(std::nullopt, predicted_breach(c, a, now));
    EXPECT_EQ(alert_level::none, forecast_alert(c, a, now).level);
}

}  // namespace
}  // namespace novbe::core::testing
