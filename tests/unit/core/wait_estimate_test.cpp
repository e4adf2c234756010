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
    // A002, then half of A001's stay on average: the only counter is busy with it
    EXPECT_EQ(minutes(9), c.estimated_wait(*c.find_ticket("A003"), now));
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

TEST_F(estimates, the_range_spreads_around_the_middle_in_whole_minutes) {
    open(1);
    open(2);
    for (int i = 0; i < 3; ++i) issue("passport");
    auto const& fourth = *c.find_ticket(issue("passport"));
    // 3 ahead x 6 min / 2 counters = 9; fewer than 8 calls judged yet: the default 0.6 to 1.5
    EXPECT_EQ((wait_range{minutes(5), minutes(9), minutes(14)}), (wait_range{fourth.estimated_low, fourth.estimated_wait, fourth.estimated_high}));
    EXPECT_EQ((wait_range{minutes(5), minutes(9), minutes(14)}), c.estimated_range(fourth, now));
}

TEST_F(estimates, the_range_follows_how_far_off_the_line_s_estimates_were) {
    open(1);
    issue("passport");
    for (int i = 0; i < 9; ++i) {
        issue("passport");  // told 6 minutes: one ahead, at an idle counter
        call(1);            // the one before, issued 12 minutes ago: twice what it was told
        run(start_serving{1});
        now += 6min;
        run(complete_service{1, ""});
        now += 6min;
    }
    // 8 calls judged, each at twice the middle told: the range reaches twice the middle
    EXPECT_EQ((wait_range{minutes(6), minutes(6), minutes(12)}), c.estimated_range(service("passport"), now));
}

TEST_F(estimates, other_lines_waiting_at_the_same_counters_count) {
    open(2);  // serves passport and id_card, the longest wait first
    issue("id_card");
    issue("id_card");
    issue("passport");
    // A001 (6 min), and the two id_card tickets that waited longer (5 min each), at one counter
    EXPECT_EQ(minutes(16), c.estimated_wait(service("passport"), now));
}

TEST_F(estimates, a_priority_ticket_waits_for_no_other_line_s_normal_tickets) {
    open(2);
    issue("id_card");
    call(2);  // counter 2 busy with B001
    issue("id_card");
    issue("id_card");
    // Half of B001's stay on average; a normal ticket also waits for B002 and B003 (5 min each)
    // and A001, while priority tickets arriving as A001 did (one in 30 min, 6 min each) go first:
    // (1.5 x 6 + 2 x 5) / (1 - 6 / 30) = 23.75 min
    EXPECT_EQ(minutes(3), c.find_ticket(issue("passport", priority_class::priority))->estimated_wait);
    EXPECT_EQ(milliseconds(1'425'000), c.find_ticket(issue("passport"))->estimated_wait);
}

TEST_F(estimates, a_paused_counter_is_counted_back_after_its_break) {
    open(1);
    run(pause_counter{1, "break"});
    for (int i = 0; i < 4; ++i) issue("passport");
    // Nobody serves for the 20 minutes of a break, then 4 ahead x 6 min
    EXPECT_EQ(minutes(20 + 24), c.estimated_wait(service("passport"), now));
    now += 15min;
    EXPECT_EQ(minutes(5 + 24), c.estimated_wait(service("passport"), now));
}

TEST_F(estimates, a_snapshot_gives_back_the_same_estimates) {
    open(1);
    open(2);
    for (int i = 0; i < 12; ++i) {
        issue(i % 3 ? "passport" : "id_card", i % 4 ? priority_class::normal : priority_class::priority);
        if (i % 2) {
            call(1);
            now += 2min;
            serve(1);
        }
        now += 1min;
    }
    auto copy = centre::from_image(c.config(), c.image());
    ASSERT_TRUE(copy);
    EXPECT_TRUE(*copy == c);
    for (auto s : {service("passport"), service("id_card")}) EXPECT_EQ(c.estimated_range(s, now), copy->estimated_range(s, now));
}

}  // namespace
}  // namespace novbe::core::testing
