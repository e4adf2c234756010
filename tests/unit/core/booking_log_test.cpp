// Bookings as the centre's own events (docs/DOMAIN.md#appointments): decided on the centre's
// bookings, applied by centre::apply like any event, checked by can_apply, kept by the centre's
// image, carried over a new day, and lapsed by the clock's tick once their window has ended.
#include "booking_fixture.hpp"

#include <algorithm>

namespace novbe::core::testing {
namespace {

class booking_log : public booking_test {
protected:
    booking_log() : lc(c.config(), small_booking(c.config())) {}

    // Decides on the centre's bookings and applies what it says to the centre; "ok" or the refusal.
    std::string book_here(std::string reference, time_point slot, std::uint64_t token) {
        auto out = lc.appointments().decide(
            book_slot{service("passport"), slot, std::move(reference), "", "portal", {7, token}}, now, lc);
        if (!out.ok()) return std::string(name(out.error));
        apply_here(out.events);
        return "ok";
    }
    void apply_here(std::vector<booking_event> const& decided) {
        for (auto const& e : decided) apply_here(as_event(e));
    }
    void apply_here(event const& e) {
        ASSERT_TRUE(lc.can_apply(e));
        lc.apply(e);
        events.push_back(e);
    }
    booking_state state_of(std::uint64_t token) const { return lc.appointments().find(ticket_token{7, token})->state; }

    centre lc;
    std::vector<event> events;
};

TEST_F(booking_log, replaying_the_centres_events_gives_the_same_bookings) {
    EXPECT_EQ("ok", book_here("R1", at("09:00"), 1));
    EXPECT_EQ("ok", book_here("R2", at("09:00"), 2));
    EXPECT_EQ("slot_full", book_here("R3", at("09:00"), 3));
    auto cancel = lc.appointments().decide(cancel_booking{{7, 1}}, now, lc);
    ASSERT_TRUE(cancel.ok());
    apply_here(cancel.events);
    centre replayed(c.config(), small_booking(c.config()));
    for (auto const& e : events) {
        ASSERT_TRUE(replayed.can_apply(e));
        replayed.apply(e);
    }
    EXPECT_EQ(lc, replayed);
    EXPECT_EQ(booking_state::cancelled, replayed.appointments().find(ticket_token{7, 1})->state);
    EXPECT_EQ(1, replayed.appointments().held(service("passport"), at("09:00")));
    EXPECT_TRUE(replayed.tickets().empty()) << "a booking is no ticket";
}

TEST_F(booking_log, a_damaged_booking_event_is_refused) {
    EXPECT_FALSE(lc.can_apply(booking_cancelled{42, now})) << "no booking 42";
    EXPECT_EQ("ok", book_here("R1", at("09:00"), 1));
    EXPECT_FALSE(lc.can_apply(booking_made{1, service("passport"), at("09:30"), "R9", "", "p", {7, 9}, now}))
        << "id 1 is taken";
}

TEST_F(booking_log, the_tick_lapses_a_booking_once_its_window_has_ended) {
    EXPECT_EQ("ok", book_here("R1", at("09:00"), 1));
    auto lapses = [](outcome const& o) {
        return std::count_if(o.events().begin(), o.events().end(),
                             [](event const& e) { return std::holds_alternative<booking_lapsed>(e); });
    };
    auto early = lc.decide(tick{}, at("09:10"));
    ASSERT_TRUE(early.ok());
    EXPECT_EQ(0, lapses(early)) << "the window closes ten minutes after the slot";
    now = at("09:11");
    auto late = lc.decide(tick{}, now);  // the day's roll first: the centre had no day yet
    ASSERT_TRUE(late.ok());
    EXPECT_EQ(1, lapses(late));
    for (auto const& e : late.events()) apply_here(e);
    EXPECT_EQ(booking_state::lapsed, state_of(1));
    EXPECT_EQ(0, lc.appointments().held(service("passport"), at("09:00"))) << "its place returns to walk-ins";
    EXPECT_EQ(0, lapses(lc.decide(tick{}, at("09:12")))) << "lapsed once";
}

TEST_F(booking_log, the_image_keeps_the_bookings) {
    EXPECT_EQ("ok", book_here("R1", at("09:00"), 1));
    EXPECT_EQ("ok", book_here("R2", at("10:00", 2), 2));
    auto back = centre::from_image(c.config(), lc.image(), small_booking(c.config()));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(lc, *back);
    EXPECT_EQ("R2", back->appointments().find(ticket_token{7, 2})->reference);
    auto older = lc.image();
    older.bookings = {};  // a snapshot from before bookings: none, and ids from 1
    auto empty = centre::from_image(c.config(), older, small_booking(c.config()));
    ASSERT_TRUE(empty.has_value());
    EXPECT_TRUE(empty->appointments().all().empty());
}

TEST_F(booking_log, a_new_day_keeps_the_bookings_and_checks_them_in) {
    EXPECT_EQ("ok", book_here("R2", at("10:00", 2), 2));  // Monday
    now = at("09:40", 2);
    auto arrival = decide_check_in(lc.appointments(), lc, check_in{std::nullopt, "R2", "en", {0, 5}}, now);
    ASSERT_TRUE(arrival.writes());
    apply_here(arrival.booking.events);
    for (auto const& e : arrival.ticket.events()) apply_here(e);  // the day's roll, then the ticket
    EXPECT_EQ(booking_state::checked_in, state_of(2));
    ASSERT_EQ(1u, lc.tickets().size());
    EXPECT_EQ(priority_class::appointment, lc.tickets()[0].cls);
}

}  // namespace
}  // namespace novbe::core::testing
