// Snapshot images: a centre rebuilt from its image is the same centre, and keeps working.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class image : public centre_test {};

TEST_F(image, a_rebuilt_centre_equals_the_original_and_carries_on) {
    open(1, "anna");
    open(2, "bob");
    issue("passport");
    issue("passport", priority_class::priority);
    issue("id_card");
    call(1);
    serve(1);
    call(2);
    run(pause_counter{1, "lunch"});
    auto rebuilt = centre::from_image(c.config(), c.image());
    ASSERT_TRUE(rebuilt.has_value());
    EXPECT_TRUE(*rebuilt == c);
    c = *rebuilt;
    EXPECT_EQ("ok", run(resume_counter{1}));
    EXPECT_EQ("A003", issue("passport"));
    EXPECT_EQ("A: called=A001@2 waiting=A003 done=A002+", render(c, "passport"));
    EXPECT_EQ("A003", call(1));  // found through the rebuilt line
    EXPECT_EQ("B: waiting=B001", render(c, "id_card"));
    EXPECT_NE(nullptr, c.find_ticket(ticket_token{0, 2}));
}

TEST_F(image, an_image_that_does_not_fit_the_configuration_is_refused) {
    issue("passport");
    auto img = c.image();
    img.tickets[0].ordinal = 5;
    EXPECT_FALSE(centre::from_image(c.config(), img).has_value());
    auto fewer = c.config();
    fewer.counters.pop_back();
    auto old = c.image();  // from before the set-up was kept: the configuration's must fit
    old.services.clear();
    old.counters_set_up.clear();
    EXPECT_FALSE(centre::from_image(fewer, old).has_value());
    EXPECT_TRUE(centre::from_image(fewer, c.image()).has_value()) << "an image's own set-up wins over the file";
    img = c.image();
    img.tickets[0].visits[0].service = 9;
    EXPECT_FALSE(centre::from_image(c.config(), img).has_value());
}

}  // namespace
}  // namespace novbe::core::testing

namespace novbe::core::testing {
namespace {

class event_check : public centre_test {};

TEST_F(event_check, events_that_do_not_fit_the_state_are_refused) {
    open(1);
    issue("passport");
    EXPECT_TRUE(c.can_apply(ticket_called{0, 1, "clerk", now}));
    EXPECT_FALSE(c.can_apply(ticket_called{5, 1, "clerk", now}));     // no such ticket
    EXPECT_FALSE(c.can_apply(ticket_called{0, 2, "clerk", now}));     // counter 2 is closed
    EXPECT_FALSE(c.can_apply(service_started{0, 1, now}));            // not called yet
    EXPECT_FALSE(c.can_apply(ticket_issued{.ticket = 0, .service = 0, .sequence = 2, .token = {0, 9}}));
    EXPECT_FALSE(c.can_apply(ticket_issued{.ticket = 1, .service = 0, .sequence = 2, .token = {0, 1}}));  // token taken
    EXPECT_TRUE(c.can_apply(ticket_issued{.ticket = 1, .service = 0, .sequence = 2, .token = {0, 9}}));
    EXPECT_FALSE(c.can_apply(ticket_rated{0, 4, now}));
    EXPECT_FALSE(c.can_apply(day_started{c.day(), now}));
    EXPECT_FALSE(c.can_apply(counter_opened{7, "x", now}));
}

}  // namespace
}  // namespace novbe::core::testing
