// The day's figures per service, counter and clerk.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

using std::chrono::minutes;

class statistics : public centre_test {};

TEST_F(statistics, a_small_morning_adds_up) {
    open(1, "anna");
    open(2, "bob");
    issue("passport");  // A001
    issue("passport");  // A002
    issue("id_card");   // B001
    now += 12min;
    EXPECT_EQ("A001", call(1));  // waited 12: over passport's 10-minute target
    run(start_serving{1});
    now += 4min;
    run(complete_service{1, "renewed"});
    EXPECT_EQ("A002", call(2));  // waited 16
    run(mark_no_show{2});
    EXPECT_EQ("B001", call(2));  // waited 16: within id card's 15? no
    run(start_serving{2});
    now += 2min;
    run(complete_service{2, ""});

    auto const& passport = c.statistics().by_service[0];
    EXPECT_EQ(2u, passport.issued);
    EXPECT_EQ(2u, passport.called);
    EXPECT_EQ(1u, passport.served);
    EXPECT_EQ(1u, passport.no_shows);
    EXPECT_EQ(minutes(14), passport.average_wait());
    EXPECT_EQ(minutes(16), passport.wait_max);
    EXPECT_EQ(0u, passport.within_target);
    EXPECT_EQ(minutes(4), passport.average_service());

    auto const& anna = c.statistics().by_clerk.at("anna");
    EXPECT_EQ(1u, anna.served);
    EXPECT_EQ(0u, anna.no_shows);
    auto const& bob = c.statistics().by_clerk.at("bob");
    EXPECT_EQ(1u, bob.served);
    EXPECT_EQ(1u, bob.no_shows);
    EXPECT_EQ(2u, c.statistics().by_counter.at(2).called);
    EXPECT_EQ(minutes(2), c.statistics().by_counter.at(2).average_service());
}

TEST_F(statistics, within_target_is_the_share_of_calls_that_waited_no_longer) {
    open(1);
    issue("passport");
    issue("passport");
    now += 10min;
    call(1);  // exactly the target: within
    serve(1);
    now += 1min;
    call(1);
    EXPECT_DOUBLE_EQ(0.5, c.statistics().by_service[0].within_target_share());
}

TEST_F(statistics, transfers_count_out_of_one_service_and_into_another) {
    open(2);
    issue("passport");
    call(2);
    run(start_serving{2});
    run(transfer_ticket{2, service("id_card")});
    EXPECT_EQ(1u, c.statistics().by_service[0].transferred_out);
    EXPECT_EQ(1u, c.statistics().by_service[1].transferred_in);
    EXPECT_EQ(0u, c.statistics().by_service[1].issued);
}

}  // namespace
}  // namespace novbe::core::testing
