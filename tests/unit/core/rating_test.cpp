// Rating: after completion the citizen rates the service 1-5, once.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class rating : public centre_test {};

TEST_F(rating, a_served_citizen_rates_once_by_the_tickets_token) {
    open(1, "anna");
    issue("passport");
    ticket_token token{0, 1};
    EXPECT_EQ("ticket_not_done", run(rate_service{token, 5}));
    call(1);
    serve(1);
    EXPECT_EQ("invalid_rating", run(rate_service{token, 0}));
    EXPECT_EQ("invalid_rating", run(rate_service{token, 6}));
    EXPECT_EQ("ok", run(rate_service{token, 4}));
    EXPECT_EQ("already_rated", run(rate_service{token, 5}));
    EXPECT_EQ("unknown_ticket", run(rate_service{ticket_token{9, 9}, 5}));
    EXPECT_EQ(4, c.find_ticket("A001")->rating);
    EXPECT_DOUBLE_EQ(4.0, c.statistics().by_clerk.at("anna").average_rating());
}

TEST_F(rating, the_counter_top_device_rates_the_counters_last_served_ticket) {
    open(1);
    EXPECT_EQ("unknown_ticket", run(rate_at_counter{1, 5}));
    issue("passport");
    issue("passport");
    call(1);
    serve(1);
    call(1);  // the next citizen is called; the first can still rate
    EXPECT_EQ("ok", run(rate_at_counter{1, 2}));
    EXPECT_EQ(2, c.find_ticket("A001")->rating);
    EXPECT_EQ("already_rated", run(rate_at_counter{1, 3}));
    EXPECT_EQ("unknown_counter", run(rate_at_counter{8, 3}));
    auto const& f = c.statistics().by_service[0];
    EXPECT_EQ(1u, f.ratings);
    EXPECT_EQ(1u, f.rating_counts[1]);
}

}  // namespace
}  // namespace novbe::core::testing
