// The last-ticket cut-off (docs/DOMAIN.md#last-ticket-cut-off): a walk-in ticket whose predicted
// call falls after today's closing is refused, offering the first free booking of the next open
// day; check-ins are never cut off. The small centre with the booking fixture's calendar:
// Saturday 09:00-13:00, Sunday closed, weekdays 09:00-17:00; passport 6 min a service, 30 min
// slots of 2 bookings; notary takes no bookings.
#include "booking_fixture.hpp"

#include "core/opening_hours.hpp"

namespace novbe::core::testing {
namespace {

using namespace std::chrono;

class last_ticket : public booking_test {
protected:
    last_ticket() {
        c = centre(small_centre(), small_booking(small_centre()));
        now = at("12:00");
    }

    outcome ask(std::string_view service_id, priority_class cls = priority_class::normal) {
        auto s = *c.config().find_service(service_id);
        auto out = c.decide(issue_ticket{.service = s, .cls = cls, .language = "en", .token = {0, next_token++}}, now);
        if (out.ok())
            for (auto const& ev : out.events()) c.apply(ev);
        return out;
    }
    // Issues walk-in tickets until one is refused; how many were issued (at most 200).
    int issue_until_refused(std::string_view service_id, priority_class cls, outcome& refusal) {
        for (int n = 0; n < 200; ++n) {
            auto out = ask(service_id, cls);
            if (!out.ok()) {
                refusal = out;
                return n;
            }
        }
        return 200;
    }
    // Books into the centre's own bookings (the cut-off reads those).
    void book_in_centre(std::string_view service_id, time_point slot, std::string reference) {
        auto out = c.appointments().decide(book_slot{service(service_id), slot, std::move(reference), "", "portal",
                                                     {9, next_booking_token++}}, now, c);
        ASSERT_TRUE(out.ok()) << name(out.error);
        for (auto const& ev : out.events) c.apply(as_event(ev));
    }
    time_point closing() const { return at("13:00"); }
    time_point issued_call() const { return c.tickets().back().issued + c.tickets().back().estimated_wait; }
};

TEST_F(last_ticket, tickets_are_issued_while_their_call_falls_before_closing_then_refused) {
    open(1);
    outcome refusal = errc{};
    auto issued = issue_until_refused("passport", priority_class::normal, refusal);
    // An hour to closing at one counter and 6 min a service: some tickets, not endless ones.
    EXPECT_GE(issued, 5);
    EXPECT_LE(issued, 11);
    EXPECT_LE(issued_call(), closing());  // the last one issued is called by closing
    EXPECT_EQ(errc::last_ticket_passed, refusal.error());
    auto s = service("passport");
    auto refused = c.estimate(s, priority_class::normal, c.queue(s).size(), now);
    EXPECT_GT(now + refused.middle, closing());  // and the refused one would not be
    EXPECT_EQ(static_cast<std::size_t>(issued), c.tickets().size());  // nothing written for the refusal
}

TEST_F(last_ticket, the_refusal_offers_the_next_open_days_first_free_slot_sunday_closed) {
    open(1);
    outcome refusal = errc{};
    issue_until_refused("passport", priority_class::normal, refusal);
    ASSERT_EQ(errc::last_ticket_passed, refusal.error());
    EXPECT_EQ(at("09:00", 2), refusal.next_slot());  // Monday: Sunday is closed
    EXPECT_NE(std::string::npos, refusal.detail().find("2026-11-30 at 09:00")) << refusal.detail();
}

TEST_F(last_ticket, a_full_first_slot_offers_the_next_one) {
    book_in_centre("passport", at("09:00", 2), "R1");
    book_in_centre("passport", at("09:00", 2), "R2");  // two a slot: 09:00 is full
    open(1);
    outcome refusal = errc{};
    issue_until_refused("passport", priority_class::normal, refusal);
    EXPECT_EQ(at("09:30", 2), refusal.next_slot());
}

TEST_F(last_ticket, a_service_that_takes_no_bookings_offers_no_slot) {
    open(4);  // notary, not bookable
    outcome refusal = errc{};
    EXPECT_GE(issue_until_refused("notary", priority_class::normal, refusal), 1);
    EXPECT_EQ(errc::last_ticket_passed, refusal.error());
    EXPECT_EQ(std::nullopt, refusal.next_slot());
}

TEST_F(last_ticket, priority_tickets_are_cut_off_by_their_own_place_in_line) {
    open(1);
    outcome refusal = errc{};
    auto normals = issue_until_refused("passport", priority_class::normal, refusal);
    ASSERT_EQ(errc::last_ticket_passed, refusal.error());
    EXPECT_TRUE(ask("passport", priority_class::priority).ok());  // ahead of the normal line: called in time
    EXPECT_LE(issued_call(), closing());
    auto priorities = 1 + issue_until_refused("passport", priority_class::priority, refusal);
    EXPECT_EQ(errc::last_ticket_passed, refusal.error());
    EXPECT_LE(priorities, normals + 1);
}

TEST_F(last_ticket, a_check_in_is_never_cut_off) {
    open(1);
    for (int i = 0; i < 3; ++i) ask("passport");
    EXPECT_EQ("A001", call(1));
    EXPECT_EQ("ok", run(start_serving{1}));
    now = at("12:59");
    EXPECT_EQ(errc::last_ticket_passed, ask("passport").error());
    // An appointment due now waits for the busy counter too, past closing: issued all the same.
    auto before = c.tickets().size();
    EXPECT_EQ("ok", run(issue_ticket{.service = service("passport"), .cls = priority_class::appointment,
                                     .language = "en", .token = {0, next_token++}, .due = now}));
    ASSERT_EQ(before + 1, c.tickets().size());
    EXPECT_GT(issued_call(), closing());
}

TEST_F(last_ticket, a_booking_checked_in_near_closing_becomes_its_ticket) {
    book_in_centre("passport", at("12:30"), "R1");
    open(1);
    outcome refusal = errc{};
    issue_until_refused("passport", priority_class::normal, refusal);
    now = at("12:35");
    auto out = decide_check_in(c.appointments(), c, check_in{std::nullopt, "R1", "en", {0, next_token++}}, now);
    EXPECT_TRUE(out.booking.ok());
    EXPECT_TRUE(out.ticket.ok()) << name(out.ticket.error());
}

TEST_F(last_ticket, a_line_no_counter_serves_yet_is_not_cut_off) {
    now = at("12:50");  // nobody at any counter: the estimate is a guess, as if one opened now
    for (int i = 0; i < 20; ++i) EXPECT_TRUE(ask("passport").ok());
}

TEST_F(last_ticket, the_rule_can_be_switched_off) {
    auto config = small_centre();
    config.rules.last_ticket_cutoff = false;
    c = centre(config, small_booking(config));
    open(1);
    outcome refusal = errc{};
    EXPECT_EQ(200, issue_until_refused("passport", priority_class::normal, refusal));
}

TEST_F(last_ticket, a_centre_open_all_day_has_no_cut_off) {
    c = centre(small_centre());  // no calendar: 00:00-24:00 every day
    open(1);
    outcome refusal = errc{};
    EXPECT_EQ(200, issue_until_refused("passport", priority_class::normal, refusal));
}

TEST_F(last_ticket, no_free_slot_within_the_bookable_days_offers_none) {
    auto config = small_centre();
    auto booking = small_booking(config);
    booking.days_ahead = 1;  // only Sunday, which is closed
    c = centre(config, booking);
    open(1);
    outcome refusal = errc{};
    issue_until_refused("passport", priority_class::normal, refusal);
    EXPECT_EQ(errc::last_ticket_passed, refusal.error());
    EXPECT_EQ(std::nullopt, refusal.next_slot());
}

TEST_F(last_ticket, an_unknown_service_has_no_slot_to_offer) {
    EXPECT_EQ(std::nullopt, c.appointments().first_free_after_today(99, now, c));
}

}  // namespace
}  // namespace novbe::core::testing
