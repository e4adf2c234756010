// The simulator's figures: a day worked out by hand, and the same seed giving the same day.
#include "citizens.hpp"
#include "day_file.hpp"
#include "report.hpp"
#include "simulation.hpp"

#include <gtest/gtest.h>

namespace novbe::sim {
namespace {

result run_file(std::string const& name, variant const& v = {}) {
    auto d = load_day(std::string(NOVBE_SIM_DAYS) + "/" + name);
    return simulate(d, draw_citizens(d), v);
}

// tiny.toml: one counter 08:00-09:00, ten-minute services, citizens at 08:00, 08:00 and 08:05.
// A is called at once (wait 0), B when A is done at 08:10 (wait 10), C at 08:20 (wait 15).
// Told at issue (docs/DOMAIN.md#estimates): A 0 (the counter is idle), B 5 (half of A's stay:
// the only counter is busy), C 15 (B, and half of A): errors 0, 5 and 0 minutes. Ranges, the
// default 0.6 to 1.5 of the middle in whole minutes: 0-0, 3-8 and 9-23, so B's 10 falls outside.
// Before ranges B was told 0 and C 10: errors 10 and 5 over the two waits longer than 5 minutes.
TEST(simulation, a_tiny_day_gives_the_figures_worked_out_by_hand) {
    auto r = run_file("tiny.toml");
    ASSERT_EQ(1u, r.services.size());
    auto const& a = r.services[0];
    EXPECT_EQ(3u, a.waits);
    EXPECT_DOUBLE_EQ(25.0 * 60 / 3, a.mean);
    EXPECT_DOUBLE_EQ(15.0 * 60, a.p90);
    EXPECT_DOUBLE_EQ(15.0 * 60, a.max);
    EXPECT_DOUBLE_EQ(2.0 / 3, a.within_target);  // 0 and 10 are within the 10-minute target
    EXPECT_EQ(0u, a.unserved);
    EXPECT_DOUBLE_EQ(5.0 * 60 / 3, a.estimate_mae);
    EXPECT_NEAR(0.2, a.estimate_ratio, 1e-12);  // 1 2/3 of a mean 8 1/3 minutes
    EXPECT_NEAR(2.0 / 3, a.in_range, 1e-12);
    EXPECT_EQ(2u, a.long_waits);
    EXPECT_NEAR(0.2, a.long_error_ratio, 1e-12);      // 5 of 25 minutes
    EXPECT_NEAR(0.6, a.long_old_error_ratio, 1e-12);  // 15 of 25
    EXPECT_DOUBLE_EQ(0.5, r.utilisation);       // 30 minutes with a citizen of 60 open
    EXPECT_DOUBLE_EQ(0.5, a.utilisation);       // the same counter, the only one serving it
    EXPECT_EQ(3u, r.tickets);
    auto table = render_run(r);
    auto row = table.substr(table.find("| passport"));
    EXPECT_EQ("| passport | 3 | 8.3 | 15.0 | 15.0 | 66.7 % | 0 | 0 | 1.7 | 20.0 % | 50.0 % |", row.substr(0, row.find('\n')));
    auto estimates = render_estimates(r);
    auto judged = estimates.substr(estimates.find("| passport"));
    EXPECT_EQ("| passport | 3 | 66.7 % | 2 | 20.0 % | 60.0 % |", judged.substr(0, judged.find('\n')));
}

// docs/DOMAIN.md#estimates, on the shipped day's fixed seed (bench/README.md has the table).
// Goals: the wait inside the range told for at least 80 % of tickets (met), and the middle off
// by under 20 % of the wait for waits over 5 minutes (not met yet: 22.4 %, from 61.1 % before
// ranges); the test holds what is met and that the middle is under half the old error.
TEST(simulation, the_large_centre_day_s_estimates_meet_their_goals) {
    auto r = run_file("large_centre.toml");
    EXPECT_GE(r.overall.in_range, 0.80);
    EXPECT_GE(r.normal.in_range, 0.80);
    EXPECT_GT(r.overall.long_waits, 1000u);
    EXPECT_LT(r.overall.long_error_ratio, 0.25);
    EXPECT_LT(r.overall.long_error_ratio, r.overall.long_old_error_ratio / 2);
}

// docs/DOMAIN.md#the-counters-plan: the day file's breaks told to the engine change no citizen's
// wait, only what the engine tells and foresees: a closer middle and more breaches warned.
// On the day's walk-ins alone (drawn as with its bookings, which have a stream of their own);
// the day as shipped, bookings and all, is the next test's.
TEST(simulation, the_counters_plan_told_to_the_engine_sharpens_estimates_and_alerts) {
    auto d = load_day(std::string(NOVBE_SIM_DAYS) + "/large_centre.toml");
    for (auto& s : d.services) s.booked.bookings = 0;
    auto citizens = draw_citizens(d);
    auto known = simulate(d, citizens, {});
    auto hidden = simulate(d, citizens, variant{.plan_known = false});
    EXPECT_DOUBLE_EQ(hidden.overall.mean, known.overall.mean);
    EXPECT_LT(known.overall.long_error_ratio, 0.20);
    EXPECT_LT(known.overall.long_error_ratio, hidden.overall.long_error_ratio);
    EXPECT_GE(known.overall.in_range, hidden.overall.in_range);
    ASSERT_GT(known.overall.alerts.breaches, 0u);
    EXPECT_GT(known.overall.alerts.warned, hidden.overall.alerts.warned);
    // Issue 16's goals, with the line's arrivals in the forecast (bench/README.md has the table).
    EXPECT_GE(known.overall.alerts.warned * 5, known.overall.alerts.breaches * 4);  // at least 80 % warned
    EXPECT_LE(known.overall.alerts.false_alarms * 5, known.overall.alerts.alerts);  // at most 20 % false
}

// Issue 16's alert goals on the shipped day with its bookings: 25 % false before the engine's
// alert_lead (blinks of waiting tickets called in time), 16.7 % with it (bench/README.md, the
// alert's lead; the goal does not hold for every seed, which the table there says too).
TEST(simulation, the_shipped_day_with_its_bookings_warns_its_breaches_with_few_false_alarms) {
    auto d = load_day(std::string(NOVBE_SIM_DAYS) + "/large_centre.toml");
    auto r = simulate(d, draw_citizens(d), {});
    auto const& a = r.overall.alerts;
    ASSERT_GT(a.breaches, 0u);
    EXPECT_GE(a.warned * 5, a.breaches * 4) << a.warned << " of " << a.breaches << " warned";
    EXPECT_LE(a.false_alarms * 5, a.alerts) << a.false_alarms << " of " << a.alerts << " false";
}

// docs/DOMAIN.md#alerts-before-a-breach on tiny.toml: at 08:00 a ticket taken then would have B
// and half of A ahead, 15 minutes against a 10-minute target, so the alert is on from 08:00; C,
// issued at 08:05 and called at 08:20, passes its target at 08:15: warned 15 minutes ahead, and
// the one alert was not a false one.
TEST(simulation, a_tiny_day_s_breach_is_warned_a_quarter_of_an_hour_ahead) {
    auto a = run_file("tiny.toml").services[0].alerts;
    EXPECT_EQ(1u, a.breaches);
    EXPECT_EQ(1u, a.warned);
    EXPECT_EQ(1u, a.alerts);
    EXPECT_EQ(0u, a.false_alarms);
}

TEST(simulation, the_same_seed_gives_the_same_day) {
    auto first = render_run(run_file("large_centre.toml"));
    EXPECT_EQ(first, render_run(run_file("large_centre.toml")));
    auto d = load_day(std::string(NOVBE_SIM_DAYS) + "/large_centre.toml");
    d.seed += 1;
    EXPECT_NE(first, render_run(simulate(d, draw_citizens(d), {})));  // another seed, another day
}

TEST(simulation, the_large_centre_day_has_the_shares_it_promises) {
    auto d = load_day(std::string(NOVBE_SIM_DAYS) + "/large_centre.toml");
    auto citizens = draw_citizens(d);
    std::size_t priority = 0, no_show = 0, walk_ins = 0;
    for (auto const& c : citizens) {
        if (c.booked()) continue;  // the bookings' shares: bookings_test.cpp
        ++walk_ins;
        priority += c.priority;
        no_show += c.no_show;
    }
    auto n = static_cast<double>(walk_ins);
    EXPECT_GT(n, 3500);
    EXPECT_EQ(72u, d.centre.counters.size());
    EXPECT_NEAR(0.10, static_cast<double>(priority) / n, 0.02);
    EXPECT_NEAR(0.07, static_cast<double>(no_show) / n, 0.02);
    auto r = simulate(d, citizens, {});
    ASSERT_TRUE(r.has_bookings());
    EXPECT_EQ(walk_ins + r.booking_overall.checked_in + r.booking_overall.late_walk_ins, r.tickets);
    EXPECT_EQ(0u, r.overall.unserved);  // the counters' plan clears the day
}

TEST(simulation, the_stress_day_is_a_valid_day_of_100000_tickets) {
    auto d = load_day(std::string(NOVBE_SIM_DAYS) + "/stress.toml");  // run in full by hand: bench/README.md
    EXPECT_EQ(800u, d.centre.counters.size());
    std::size_t walk_ins = 0, booked = 0;
    for (auto const& c : draw_citizens(d)) (c.booked() ? booked : walk_ins) += 1;
    EXPECT_NEAR(100'000.0, static_cast<double>(walk_ins), 1'500.0);
    EXPECT_EQ(3'000u, booked);
}

// On the day's walk-ins alone: with its bookings ratio:4's normal mean is 4 s over the streak
// cap's (490 s against 487 s; why is not looked into yet).
TEST(simulation, the_ratio_rule_moves_waits_from_normal_to_priority_tickets) {
    auto d = load_day(std::string(NOVBE_SIM_DAYS) + "/large_centre.toml");
    for (auto& s : d.services) s.booked.bookings = 0;
    auto citizens = draw_citizens(d);
    auto streak = simulate(d, citizens, {.name = "streak", .max_priority_streak = 3, .normal_per_priority = 0});
    auto ratio = simulate(d, citizens, {.name = "ratio:4", .normal_per_priority = 4});
    EXPECT_GT(ratio.priority.mean, streak.priority.mean);
    EXPECT_LT(ratio.normal.mean, streak.normal.mean);
    EXPECT_EQ(streak.tickets, ratio.tickets);  // the same citizens
}

}  // namespace
}  // namespace novbe::sim
