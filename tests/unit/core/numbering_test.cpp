// Ticket numbers: prefix + daily sequence, per service, never reused within a day.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class numbering : public centre_test {};

TEST_F(numbering, each_service_counts_on_its_own) {
    EXPECT_EQ("A001", issue("passport"));
    EXPECT_EQ("B001", issue("id_card"));
    EXPECT_EQ("A002", issue("passport"));
    EXPECT_EQ("C001", issue("notary"));
}

TEST_F(numbering, a_cancelled_number_is_not_given_again) {
    issue("passport");
    run(cancel_ticket{"A001", "citizen_request"});
    EXPECT_EQ("A002", issue("passport"));
}

TEST_F(numbering, numbers_restart_at_the_next_local_day) {
    issue("passport");
    issue("passport");
    now += 17h;  // 01:00 next day in the centre
    EXPECT_EQ("A001", issue("passport"));
}

TEST_F(numbering, numbers_grow_past_the_padding) {
    EXPECT_EQ("A007", format_number("A", 7, 3));
    EXPECT_EQ("A1000", format_number("A", 1000, 3));
    EXPECT_EQ("PA0042", format_number("PA", 42, 4));
}

TEST_F(numbering, tickets_are_found_by_number_and_by_token_only_when_they_exist) {
    issue("passport");
    issue("passport");
    ASSERT_NE(nullptr, c.find_ticket("A002"));
    EXPECT_EQ(1u, c.find_ticket("A002")->ordinal);
    EXPECT_EQ(nullptr, c.find_ticket("A003"));
    EXPECT_EQ(nullptr, c.find_ticket("A000"));
    EXPECT_EQ(nullptr, c.find_ticket("A"));
    EXPECT_EQ(nullptr, c.find_ticket("002"));
    EXPECT_EQ(nullptr, c.find_ticket("A00x"));
    EXPECT_EQ(nullptr, c.find_ticket("Q001"));
    EXPECT_EQ(nullptr, c.find_ticket(""));
    ASSERT_NE(nullptr, c.find_ticket(ticket_token{0, 2}));
    EXPECT_EQ("A002", c.number_of(*c.find_ticket(ticket_token{0, 2})));
    EXPECT_EQ(nullptr, c.find_ticket(ticket_token{5, 5}));
}

TEST_F(numbering, issue_refuses_bad_requests) {
    EXPECT_EQ("unknown_service", run(issue_ticket{.service = 42, .language = "en", .token = {1, 1}}));
    EXPECT_EQ("invalid_argument", run(issue_ticket{.service = 0, .language = "en", .token = {}}));
    EXPECT_EQ("invalid_argument",
              run(issue_ticket{.service = 0, .cls = priority_class::appointment, .language = "en", .token = {1, 1}}));
    EXPECT_EQ("invalid_argument",
              run(issue_ticket{.service = 0, .language = "en", .token = {1, 1}, .due = now}));
    EXPECT_EQ("ok", run(issue_ticket{.service = 0, .language = "en", .token = {1, 1}}));
    EXPECT_EQ("duplicate_token", run(issue_ticket{.service = 0, .language = "en", .token = {1, 1}}));
    EXPECT_EQ("A: waiting=A001", render(c, "passport"));
}

TEST(config, validate_names_the_first_problem) {
    auto config = small_centre();
    EXPECT_EQ("", validate(config));
    config.services[1].prefix = "A";
    EXPECT_EQ("prefix 'A' is used by two services", validate(config));
    config = small_centre();
    config.services[0].prefix = "a1";
    EXPECT_EQ("service 'passport' needs a prefix of 1 to 3 capital letters", validate(config));
    config = small_centre();
    config.counters[1].services.push_back(9);
    EXPECT_EQ("counter 2 names an unknown service", validate(config));
    config = small_centre();
    config.services[2].max_wait = 1min;
    EXPECT_EQ("service 'notary' needs 0 < target wait <= maximum wait", validate(config));
}

}  // namespace
}  // namespace novbe::core::testing
