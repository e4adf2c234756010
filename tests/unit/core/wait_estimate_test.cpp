// Estimated waits: place in line, open counters and the configured time blended with real ones.
#include "centre_fixture.hpp"

#include "core/wait_estimate.hpp"

namespace novbe::core::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

TEST(service_times, the_configured_time_alone_before_any_service) {
    service_times times(20, 8min);
    EXPECT_EQ(minutes(8), times.expected());
}

TEST(service_times, one_very_short_service_moves_the_estimate_a_little) {
    service_times times(20, 8min);
    times.add(3s);  // closed by mistake: weighs one against the prior's five
    EXPECT_EQ(milliseconds((5 * 480'000 + 3'000) / 6), times.expected());
    EXPECT_GT(times.expected(), 6min);
}

TEST(service_times, the_shortest_and_longest_fifth_are_dropped) {
    service_times times(20, 8min);
    for (int i = 0; i < 17; ++i) times.add(8min);
    times.add(3s);
    times.add(2s);
    times.add(90min);  // left open over lunch
    EXPECT_EQ(minutes(8), times.expected());
}

TEST(service_times, real_times_pull_the_estimate_from_the_prior) {
    service_times times(20, 8min);
    for (int i = 0; i < 20; ++i) times.add(4min);
    // 4 dropped at each end, 12 kept: (5 x 8 + 12 x 4) / 17 minutes
    EXPECT_EQ(milliseconds((5 * 480'000 + 12 * 240'000) / 17), times.expected());
    EXPECT_EQ(20u, times.recent().size());
}

TEST(service_times, only_the_last_n_count) {
    service_times times(5, 8min);
    for (int i = 0; i < 5; ++i) times.add(60min);
    for (int i = 0; i < 5; ++i) times.add(2min);  // the hour-long ones fall out of the window
    // 1 dropped at each end, 3 kept: (5 x 8 + 3 x 2) / 8 minutes
    EXPECT_EQ(milliseconds((5 * 480'000 + 3 * 120'000) / 8), times.expected());
}

TEST(estimate_wait, people_ahead_share_the_open_counters) {
    EXPECT_EQ(minutes(0), estimate_wait(0, 2, 6min));
    EXPECT_EQ(minutes(30), estimate_wait(5, 1, 6min));
    EXPECT_EQ(minutes(15), estimate_wait(5, 2, 6min));
    EXPECT_EQ(minutes(30), estimate_wait(5, 0, 6min));  // no counter open yet: as if one
}

class estimates : public centre_test {};

TEST_F(estimates, a_ticket_is_told_its_place_and_wait_at_issue) {
    open(1);
    open(2);
    issue("passport");
    issue("passport");
    issue("passport");
    auto const& fourth = c.tickets()[c.find_ticket(issue("passport"))->ordinal];
    EXPECT_EQ(3u, fourth.people_ahead_at_issue);
    EXPECT_EQ(minutes(9), fourth.estimated_wait);  // 3 ahead x 6 min / 2 counters
    EXPECT_EQ(3u, c.people_ahead(fourth, now));
}

TEST_F(estimates, a_priority_ticket_is_told_only_the_priority_tickets_ahead) {
    issue("passport");
    issue("passport", priority_class::priority);
    issue("passport");
    auto const& t = *c.find_ticket(issue("passport", priority_class::priority));
    EXPECT_EQ(1u, t.people_ahead_at_issue);
    EXPECT_EQ(1u, c.people_ahead(*c.find_ticket("A003"), now) - 2);  // A002 and A004 go first
}

TEST_F(estimates, place_in_line_moves_up_as_others_are_called) {
    open(1);
    issue("passport");
    issue("passport");
    issue("passport");
    EXPECT_EQ(2u, c.people_ahead(*c.find_ticket("A003"), now));
    call(1);
    EXPECT_EQ(1u, c.people_ahead(*c.find_ticket("A003"), now));
    EXPECT_EQ(minutes(6), c.estimated_wait(*c.find_ticket("A003"), now));
}

TEST_F(estimates, a_served_ticket_moves_the_estimate_from_the_configured_time) {
    open(1);
    issue("passport");
    issue("passport");
    call(1);
    run(start_serving{1});
    now += 10min;
    run(complete_service{1, ""});
    auto const blended = milliseconds((5 * 360'000 + 600'000) / 6);  // configured 6 min x 5, one of 10
    EXPECT_EQ(blended, c.expected_service(service("passport")));
    EXPECT_EQ(blended, c.estimated_wait(service("passport"), now));  // A002 ahead, one counter
}

TEST_F(estimates, a_three_second_service_does_not_make_the_line_look_empty) {
    open(1);
    issue("passport");
    for (int i = 0; i < 5; ++i) issue("passport");
    call(1);
    run(start_serving{1});
    now += 3s;
    run(complete_service{1, ""});
    // 5 ahead of a new ticket, at (5 x 6 min + 3 s) / 6 each: about 25 minutes, not 15 seconds
    EXPECT_EQ(milliseconds(5 * (5 * 360'000 + 3'000) / 6), c.estimated_wait(service("passport"), now));
}

TEST_F(estimates, with_no_counter_open_the_wait_is_as_if_one_opened) {
    issue("passport");
    issue("passport");
    EXPECT_EQ(0u, c.open_counters(service("passport")));  // clients say none is open
    EXPECT_EQ(minutes(12), c.estimated_wait(service("passport"), now));
}

TEST_F(estimates, the_error_of_each_estimate_is_measured_at_the_call) {
    open(1);
    issue("passport");
    issue("passport");  // told 6 minutes
    call(1);
    serve(1);
    now += 10min;
    call(1);  // waited 10: 4 minutes off
    auto const& f = c.statistics().by_service[0];
    EXPECT_EQ(2u, f.estimates);
    EXPECT_EQ(minutes(4), f.estimate_error_sum);
    EXPECT_EQ(minutes(2), f.average_estimate_error());
}

}  // namespace
}  // namespace novbe::core::testing
