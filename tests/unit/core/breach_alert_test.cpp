// Alerts before a breach as the tick raises, changes and ends them (docs/DOMAIN.md#alerts-before-a-breach).
#include "centre_fixture.hpp"

#include "core/breach_forecast.hpp"

#include <algorithm>

namespace novbe::core::testing {
namespace {

class breach_alert : public centre_test {
protected:
    // The alert_changed events one tick at `now` logs.
    std::vector<alert_changed> tick_now() {
        auto before = log.size();
        EXPECT_EQ("ok", run(tick{}));
        std::vector<alert_changed> out;
        for (auto i = before; i < log.size(); ++i)
            if (auto const* a = std::get_if<alert_changed>(&log[i])) out.push_back(*a);
        return out;
    }
};

TEST_F(breach_alert, a_line_foreseen_to_pass_its_target_raises_one_alert_with_advice_and_a_counter_opening_ends_it) {
    open(1);
    issue("passport");
    call(1);
    issue("passport");
    issue("passport");  // a ticket taken now would pass the 10-minute target in 10 minutes
    auto raised = tick_now();
    ASSERT_EQ(1u, raised.size());
    EXPECT_EQ(service("passport"), raised[0].service);
    EXPECT_EQ(alert_level::target, raised[0].alert.level);
    EXPECT_EQ(now + 10min, raised[0].alert.breach_at);
    EXPECT_EQ((std::vector<counter_number>{2, 3}), raised[0].alert.could_open) << "counters 2 and 3 serve passport, closed";
    EXPECT_EQ(1u, raised[0].alert.counters_needed) << "one more counter clears it";
    EXPECT_EQ(alert_level::target, c.alerts()[service("passport")].level);

    now += 15s;
    EXPECT_TRUE(tick_now().empty()) << "the same forecast is not logged again every tick";

    open(2);
    now += 15s;
    auto ended = tick_now();
    ASSERT_EQ(1u, ended.size());
    EXPECT_EQ(alert_level::none, ended[0].alert.level);
    EXPECT_EQ(alert_level::none, c.alerts()[service("passport")].level);
}

TEST_F(breach_alert, a_line_no_counter_serves_passes_its_maximum_and_the_advice_counts_only_what_can_still_be_saved) {
    issue("passport");
    now += 25min;  // past the 10-minute target, 5 minutes before the 30-minute maximum; nobody serves it
    auto raised = tick_now();
    ASSERT_EQ(1u, raised.size());
    EXPECT_EQ(alert_level::maximum, raised[0].alert.level);
    EXPECT_EQ(now + 5min, raised[0].alert.breach_at);
    EXPECT_EQ((std::vector<counter_number>{1, 2, 3}), raised[0].alert.could_open);
    EXPECT_EQ(1u, raised[0].alert.counters_needed) << "one counter calls A001 before its maximum";
    EXPECT_TRUE(std::none_of(raised.begin(), raised.end(), [&](auto const& a) { return a.service == service("id_card"); }))
        << "nobody waits for an ID card";
}

TEST_F(breach_alert, a_paused_counter_is_advice_and_alerts_survive_a_snapshot_but_not_the_day) {
    open(1);
    open(2);
    ASSERT_EQ("ok", run(pause_counter{.counter = 2, .reason = "lunch"}));
    for (int i = 0; i < 4; ++i) issue("passport");
    auto raised = tick_now();
    // Passport's four, and an ID card taken now: counter 2, its only one not closed, is on a break.
    ASSERT_EQ(2u, raised.size());
    EXPECT_EQ(service("passport"), raised[0].service);
    EXPECT_EQ((std::vector<counter_number>{2, 3}), raised[0].alert.could_open) << "2 is paused, 3 closed";
    EXPECT_EQ(service("id_card"), raised[1].service);
    EXPECT_EQ(now + 15min, raised[1].alert.breach_at) << "back from a 20-minute break, past the 15-minute target";

    auto copy = centre::from_image(c.config(), c.image());
    ASSERT_TRUE(copy);
    EXPECT_EQ(c.alerts(), copy->alerts());

    now += 24h;
    EXPECT_TRUE(tick_now().empty()) << "a new day's lines are empty, their alerts with them";
    EXPECT_EQ(alert_level::none, c.alerts()[service("passport")].level);
}

TEST_F(breach_alert, a_waiting_ticket_foreseen_to_pass_its_target_in_minutes_raises_nothing_until_it_has) {
    open(1);
    issue("passport");
    call(1);
    auto const joined = now;
    issue("passport");  // A002 waits for counter 1 to finish: minutes, not the target's 10
    ASSERT_TRUE(tick_now().empty());

    now += 8min;  // A001 still at the counter: A002 is foreseen to pass its target in a minute or two
    ASSERT_EQ(alert_level::target, forecast_alert(c, service("passport"), now).level);
    EXPECT_FALSE(alert_may_rise(c, service("passport"), now));
    EXPECT_TRUE(tick_now().empty()) << "a breach less than alert_lead away is mostly a ticket called in time";

    now = joined + 10min + 1s;  // it was not: A002 has waited past its target
    auto raised = tick_now();
    ASSERT_EQ(1u, raised.size());
    EXPECT_EQ(alert_level::target, raised[0].alert.level);
    EXPECT_EQ(now, raised[0].alert.breach_at) << "the breach is now";
}

TEST_F(breach_alert, a_line_nobody_serves_raises_its_alert_however_near_the_breach) {
    issue("passport");
    now += 3min;  // its target passes in 7 minutes, inside alert_lead, and no counter will call it
    auto raised = tick_now();
    ASSERT_EQ(1u, raised.size());
    EXPECT_EQ(alert_level::target, raised[0].alert.level);
    EXPECT_EQ(now + 7min, raised[0].alert.breach_at);
}

}  // namespace
}  // namespace novbe::core::testing
