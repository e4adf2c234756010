// Check-in: a booking becomes an appointment ticket inside its window, says when to come back
// before it, lapses after it, lapses by itself when nobody comes, and its ticket is called
// before walk-ins once due (docs/DOMAIN.md#check-in, docs/DOMAIN.md#priority).
#include "booking_fixture.hpp"

namespace novbe::core::testing {
namespace {

using namespace std::chrono;

class check_in_rules : public booking_test {
protected:
    check_in_rules() { EXPECT_EQ("ok", book("passport", at("09:00"), "R1")); }
    booking const& r1() const { return *b.find(token_of("R1")); }
};

TEST_F(check_in_rules, too_early_says_when_the_window_opens) {
    now = at("08:29");
    auto out = decide_check_in(b, c, check_in{std::nullopt, "R1", "en", {0, 1}}, now);
    EXPECT_EQ(booking_errc::too_early, out.booking.error);
    EXPECT_EQ(at("08:30"), out.booking.until);
    EXPECT_FALSE(out.writes());
    EXPECT_EQ("too_early", arrive("R1"));
    EXPECT_EQ(booking_state::active, r1().state);
}

TEST_F(check_in_rules, inside_the_window_it_becomes_an_appointment_ticket_due_at_the_slot) {
    now = at("08:30");
    EXPECT_EQ("A001^", arrive("R1"));
    EXPECT_EQ(priority_class::appointment, c.tickets().back().cls);
    EXPECT_EQ(at("09:00"), c.tickets().back().due);
    EXPECT_EQ(booking_state::checked_in, r1().state);
    EXPECT_EQ("unknown_booking", arrive("R1"));  // by reference: no active booking left
    EXPECT_EQ("booking_not_active", run_booking(check_in{token_of("R1"), "", "en", {0, 77}}));
    EXPECT_EQ(1u, c.tickets().size());  // never checked in twice
    EXPECT_EQ(0u, render_slots("passport").find("09:00 1/2+0"));  // it keeps its place
}

TEST_F(check_in_rules, the_window_closes_ten_minutes_after_the_slot) {
    now = at("09:10");
    EXPECT_EQ("A001^", arrive("R1"));
}

TEST_F(check_in_rules, too_late_lapses_the_booking_and_frees_its_place) {
    now = at("09:10") + 1s;
    EXPECT_EQ("booking_lapsed", arrive("R1"));
    EXPECT_EQ(booking_state::lapsed, r1().state);
    EXPECT_EQ(2u, booking_log.size());  // made, then the lapse: written
    EXPECT_TRUE(c.tickets().empty());
    EXPECT_EQ(0u, render_slots("passport").find("09:00 0/2+0"));
}

TEST_F(check_in_rules, a_booking_nobody_claims_lapses_by_itself_when_its_window_ends) {
    EXPECT_EQ("ok", book("passport", at("09:30"), "R2"));
    now = at("09:10");
    EXPECT_EQ("ok", run_booking(lapse_due{}));
    EXPECT_EQ("R1 A 09:00 active, R2 A 09:30 active", render_bookings());
    now += 1s;
    EXPECT_EQ("ok", run_booking(lapse_due{}));
    EXPECT_EQ("R1 A 09:00 lapsed, R2 A 09:30 active", render_bookings());
    EXPECT_EQ(0u, render_slots("passport").find("09:00 0/2+0, 09:30 1/2+0"));
    EXPECT_EQ("booking_not_active", run_booking(cancel_booking{token_of("R1")}));
    EXPECT_EQ("ok", book("passport", at("11:00"), "R1"));  // the reference may book again
}

TEST_F(check_in_rules, a_check_in_the_centre_refuses_writes_nothing) {
    EXPECT_EQ("ok", run(close_day{}));  // no more tickets today
    now = at("08:45");
    EXPECT_EQ("centre_closed", arrive("R1"));
    EXPECT_EQ(booking_state::active, r1().state);
    EXPECT_EQ(1u, booking_log.size());
}

TEST_F(check_in_rules, the_qr_token_finds_the_booking_as_the_reference_does) {
    now = at("08:40");
    EXPECT_EQ("ok", run_booking(check_in{token_of("R1"), "", "az", {0, 5}}));
    EXPECT_EQ("az", c.tickets().back().language);
    EXPECT_EQ("unknown_booking", run_booking(check_in{ticket_token{9, 4242}, "", "en", {0, 6}}));
}

TEST_F(check_in_rules, a_due_appointment_is_called_before_priority_and_overdue_walk_ins) {
    open(1);
    now = at("08:30");
    issue("passport");                            // A001
    issue("passport", priority_class::priority);  // A002
    now = at("08:40");
    EXPECT_EQ("A003^", arrive("R1"));             // due at 09:00, counted due from 08:55
    EXPECT_EQ("A002", call(1));                   // not due yet: priority first
    serve(1);
    issue("passport", priority_class::priority);  // A004
    now = at("09:01");                            // A001 has waited 31 min, past the 30 min maximum
    EXPECT_EQ("A003", call(1));                   // due: ahead of the overdue and the priority
    serve(1);
    EXPECT_EQ("A001", call(1));                   // then the overdue walk-in, ahead of priority
    serve(1);
    EXPECT_EQ("A004", call(1));
}

TEST_F(check_in_rules, an_early_appointment_waits_behind_every_walk_in) {
    open(1);
    now = at("08:30");
    EXPECT_EQ("A001^", arrive("R1"));
    issue("passport");  // A002
    EXPECT_EQ("A002", call(1));
    serve(1);
    EXPECT_EQ("A001", call(1));  // nobody else waits: the early appointment after all
}

TEST_F(check_in_rules, an_early_appointment_is_told_it_waits_until_due_while_walk_ins_wait) {
    open(1);
    now = at("08:30");
    issue("passport");  // A001: someone waits
    EXPECT_EQ("A002^", arrive("R1"));  // due at 09:00, counted due from 08:55
    auto const& told = c.tickets().back();
    EXPECT_GE(told.estimated_wait, minutes(25)) << "the 25 minutes until it is due, at least";
    EXPECT_GE(told.estimated_low, minutes(25));
    EXPECT_GE(c.estimated_wait(told, now), minutes(25)) << "and so on its phone page while it waits";
}

TEST_F(check_in_rules, an_early_appointment_in_an_empty_line_is_told_it_may_be_called_now) {
    open(1);
    now = at("08:30");
    EXPECT_EQ("A001^", arrive("R1"));
    EXPECT_LT(c.tickets().back().estimated_wait, minutes(10)) << "nobody else waits: a counter may take it early";
}

}  // namespace
}  // namespace novbe::core::testing
