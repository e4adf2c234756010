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

}  // namespace
}  // namespace novbe::core::testing
