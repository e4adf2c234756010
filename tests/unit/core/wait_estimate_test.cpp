// Estimated waits: place in line, open counters and the moving average of service times.
#include "centre_fixture.hpp"

#include "core/wait_estimate.hpp"

namespace novbe::core::testing {
namespace {

using std::chrono::minutes;

TEST(service_times, average_of_the_last_n_and_the_default_before_any) {
    service_times times(3, 5min);
    EXPECT_EQ(minutes(5), times.average());
    times.add(2min);
    times.add(4min);
    EXPECT_EQ(minutes(3), times.average());
    times.add(6min);
    times.add(8min);  // 2 falls out of the window
    EXPECT_EQ(minutes(6), times.average());
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

TEST_F(estimates, real_service_times_replace_the_default) {
    open(1);
    issue("passport");
    issue("passport");
    call(1);
    run(start_serving{1});
    now += 10min;
    run(complete_service{1, ""});
    EXPECT_EQ(minutes(10), c.average_service(service("passport")));
    EXPECT_EQ(minutes(10), c.estimated_wait(service("passport"), now));  // A002 ahead, one counter
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
