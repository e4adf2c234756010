// Bookings: the calendar, slots and their capacity, and which bookings a slot takes
// (docs/DOMAIN.md#appointments). The day is Saturday 2026-11-28, 08:00 (booking_fixture.hpp).
#include "booking_fixture.hpp"

namespace novbe::core::testing {
namespace {

using namespace std::chrono;

TEST_F(booking_test, slots_cut_the_days_hours_and_hold_what_the_planned_counters_serve) {
    // Saturday 09:00-13:00; passport: 1 counter × 30 min ÷ 6 min = 5, half kept for walk-ins: 2.
    EXPECT_EQ("09:00 0/2+0, 09:30 0/2+0, 10:00 0/2+0, 10:30 0/2+0, 11:00 0/2+0, 11:30 0/2+0, 12:00 0/2+0, "
              "12:30 0/2+0",
              render_slots("passport"));
    EXPECT_EQ("", render_slots("passport", 1));  // Sunday: closed
    auto monday = render_slots("passport", 2);
    EXPECT_EQ(0u, monday.find("09:00 0/2+0"));
    EXPECT_NE(std::string::npos, monday.find("16:30 0/2+0"));  // the last slot ends at closing
    EXPECT_EQ(std::string::npos, monday.find("17:00"));
    // id_card: its two counters × 30 min ÷ 5 min = 12, half of it bookable.
    EXPECT_EQ(0u, render_slots("id_card").find("09:00 0/6+0, 09:30 0/6+0"));
    EXPECT_EQ("", render_slots("notary"));  // not bookable
}

TEST_F(booking_test, holidays_close_a_day_and_exceptions_change_its_hours) {
    auto config = small_booking(c.config());
    config.calendar.holidays.insert(day_of(at("09:00", 2), 4h, 0min));                       // Monday
    config.calendar.exceptions[day_of(at("09:00", 3), 4h, 0min)] = day_hours{10h, 11h};  // Tuesday
    b = bookings(c.config(), config);
    EXPECT_EQ("", render_slots("passport", 2));
    EXPECT_EQ("10:00 0/2+0, 10:30 0/2+0", render_slots("passport", 3));
    EXPECT_EQ("day_closed", book("passport", at("09:00", 2), "R1"));
    EXPECT_EQ("no_such_slot", book("passport", at("09:00", 3), "R1"));
    EXPECT_EQ("ok", book("passport", at("10:30", 3), "R1"));
}

TEST_F(booking_test, slots_grow_when_services_are_measured_faster_and_with_a_smaller_walk_in_share) {
    open(1);
    // Twenty passports of 2 minutes: the fifth each side trimmed, (5 × 6 + 12 × 2) ÷ 17 = 3.18 min.
    for (int i = 0; i < 20; ++i) {
        issue("passport");
        call(1);
        EXPECT_EQ("ok", run(start_serving{1}));
        now += 2min;
        EXPECT_EQ("ok", run(complete_service{1, "served"}));
    }
    EXPECT_EQ(0u, render_slots("passport").find("09:00 0/4+0"));  // 30 ÷ 3.18 = 9.4, half: 4
    auto config = small_booking(c.config());
    config.services[0].walk_in_percent = 0;
    b = bookings(c.config(), config);
    EXPECT_EQ(0u, render_slots("passport").find("09:00 0/9+0"));
}

TEST_F(booking_test, a_full_slot_refuses_and_writes_nothing) {
    EXPECT_EQ("ok", book("passport", at("09:00"), "R1"));
    EXPECT_EQ("ok", book("passport", at("09:00"), "R2"));
    EXPECT_EQ("slot_full", book("passport", at("09:00"), "R3"));
    EXPECT_EQ("ok", book("passport", at("09:30"), "R3"));
    EXPECT_EQ(3u, booking_log.size());
    EXPECT_EQ(0u, render_slots("passport").find("09:00 2/2+0, 09:30 1/2+0"));
}

TEST_F(booking_test, bad_bookings_are_refused_with_their_reason) {
    EXPECT_EQ("unknown_service", book("nothing", at("09:00"), "R1"));
    EXPECT_EQ("not_bookable", book("notary", at("09:00"), "R1"));
    EXPECT_EQ("day_closed", book("passport", at("09:00", 1), "R1"));       // Sunday
    EXPECT_EQ("too_far_ahead", book("passport", at("09:00", 16), "R1"));   // 14 days ahead at most
    EXPECT_EQ("ok", book("passport", at("09:00", 14), "R1"));
    EXPECT_EQ("no_such_slot", book("passport", at("09:10"), "R2"));
    EXPECT_EQ("no_such_slot", book("passport", at("13:00"), "R2"));       // Saturday closes at 13:00
    now = at("10:01");
    EXPECT_EQ("slot_in_past", book("passport", at("10:00"), "R2"));
    EXPECT_EQ("invalid_argument", book("passport", at("11:00"), ""));
    EXPECT_EQ("invalid_argument", book("passport", at("11:00"), std::string(65, 'x')));
    EXPECT_EQ("invalid_argument", book("passport", at("11:00"), "line\nbreak"));
    for (auto spaced : {"   ", " R2", "R2 "})  // nobody's reference, or a second "R2"
        EXPECT_EQ("invalid_argument", book("passport", at("11:00"), spaced)) << '"' << spaced << '"';
    EXPECT_EQ("ok", book("passport", at("11:00"), "R 2"));
    EXPECT_EQ("invalid_argument", run_booking(book_slot{0, at("11:00"), "R2", "call me", "portal", {9, 999}}));
    EXPECT_EQ("invalid_argument", run_booking(book_slot{0, at("11:00"), "R2", "", "portal", {}}));
    EXPECT_EQ("duplicate_token", run_booking(book_slot{0, at("11:00"), "R2", "", "portal", token_of("R1")}));
    EXPECT_EQ(2u, b.all().size());
}

TEST_F(booking_test, one_active_booking_per_reference_and_service) {
    EXPECT_EQ("ok", book("passport", at("09:00"), "AZ-2026/001"));
    EXPECT_EQ("already_booked", book("passport", at("11:00", 2), "AZ-2026/001"));
    EXPECT_EQ("ok", book("id_card", at("09:00"), "AZ-2026/001"));  // another service
    EXPECT_EQ("ok", run_booking(cancel_booking{token_of("AZ-2026/001")}));  // the id_card one
    EXPECT_EQ("ok", book("id_card", at("10:00"), "AZ-2026/001"));
    EXPECT_EQ("AZ-2026/001 A 09:00 active, AZ-2026/001 B 09:00 cancelled, AZ-2026/001 B 10:00 active",
              render_bookings());
}

TEST_F(booking_test, a_cancel_releases_the_slot_at_once) {
    EXPECT_EQ("ok", book("passport", at("09:00"), "R1"));
    EXPECT_EQ("ok", book("passport", at("09:00"), "R2"));
    EXPECT_EQ("ok", run_booking(cancel_booking{token_of("R1")}));
    EXPECT_EQ("booking_not_active", run_booking(cancel_booking{token_of("R1")}));
    EXPECT_EQ("unknown_booking", run_booking(cancel_booking{{9, 12345}}));
    EXPECT_EQ("ok", book("passport", at("09:00"), "R3"));
    EXPECT_EQ("R1 A 09:00 cancelled, R2 A 09:00 active, R3 A 09:00 active", render_bookings());
}

TEST_F(booking_test, a_reschedule_moves_the_booking_only_into_a_slot_with_room) {
    EXPECT_EQ("ok", book("passport", at("09:00"), "R1"));
    EXPECT_EQ("ok", book("passport", at("09:30"), "R2"));
    EXPECT_EQ("ok", book("passport", at("09:30"), "R3"));
    EXPECT_EQ("slot_full", run_booking(reschedule_booking{token_of("R1"), at("09:30")}));
    EXPECT_EQ("day_closed", run_booking(reschedule_booking{token_of("R1"), at("09:00", 1)}));
    EXPECT_EQ("ok", run_booking(reschedule_booking{token_of("R2"), at("09:00")}));
    EXPECT_EQ(0u, render_slots("passport").find("09:00 2/2+0, 09:30 1/2+0"));
    EXPECT_EQ("ok", run_booking(reschedule_booking{token_of("R2"), at("09:00")}));  // already there
    EXPECT_EQ(4u, booking_log.size());
}

TEST_F(booking_test, the_daily_cap_limits_a_services_bookings_a_day) {
    auto config = small_booking(c.config());
    config.services[1].daily_cap = 2;
    b = bookings(c.config(), config);
    EXPECT_EQ("ok", book("id_card", at("09:00"), "R1"));
    EXPECT_EQ("ok", book("id_card", at("10:00"), "R2"));
    EXPECT_EQ("day_full", book("id_card", at("11:00"), "R3"));
    EXPECT_EQ("ok", run_booking(reschedule_booking{token_of("R2"), at("11:00")}));  // the same day: still 2
    EXPECT_EQ("ok", book("id_card", at("11:00", 2), "R3"));                       // Monday
}

TEST_F(booking_test, overbooking_follows_the_measured_no_show_rate_up_to_its_cap) {
    auto config = small_booking(c.config());
    config.no_show_minimum = 4;
    config.services[1].max_overbook_percent = 25;
    b = bookings(c.config(), config);
    for (auto ref : {"R1", "R2", "R3", "R4"}) EXPECT_EQ("ok", book("id_card", at("09:00"), ref));
    EXPECT_EQ(0u, render_slots("id_card").find("09:00 4/6+0"));  // no rate until 4 have ended
    now = at("08:45");
    arrive("R1");
    arrive("R2");
    now = at("09:11");
    EXPECT_EQ("ok", run_booking(lapse_due{}));  // R3 and R4 never came: 50 % no-shows
    EXPECT_EQ(50, b.no_show_percent(1));
    EXPECT_EQ(0u, render_slots("id_card").find("09:00 2/6+1, 09:30 0/6+1"));  // 6 × 25 %, rounded down
    config.services[1].max_overbook_percent = 100;
    auto replayed = bookings(c.config(), config);
    for (auto const& ev : booking_log) replayed.apply(ev);
    b = replayed;
    EXPECT_EQ(0u, render_slots("id_card").find("09:00 2/6+3"));  // the rate itself: 6 × 50 %
    for (auto ref : {"S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9"}) book("id_card", at("09:30"), ref);
    EXPECT_EQ(0u, render_slots("id_card").find("09:00 2/6+3, 09:30 9/6+3"));
    EXPECT_EQ("slot_full", book("id_card", at("09:30"), "S10"));
}

TEST_F(booking_test, bookings_rebuilt_from_their_list_are_the_same_and_a_bad_list_is_refused) {
    EXPECT_EQ("ok", book("passport", at("09:00"), "R1"));
    EXPECT_EQ("ok", book("passport", at("09:00"), "R2"));
    EXPECT_EQ("ok", book("id_card", at("09:30"), "R1"));
    EXPECT_EQ("ok", run_booking(cancel_booking{token_of("R2")}));
    now = at("08:40");
    EXPECT_EQ("A001^", arrive("R1"));
    auto rebuilt = bookings::from_image(c.config(), b.config(), b.image());
    ASSERT_TRUE(rebuilt.has_value());
    EXPECT_TRUE(*rebuilt == b);

    auto image = b.image();
    image.all[1].token = image.all[0].token;  // a token twice
    EXPECT_FALSE(bookings::from_image(c.config(), b.config(), image).has_value());
    image = b.image();
    image.all[1].state = booking_state::active;  // R2 made a second active booking of R1's id_card
    image.all[1].reference = image.all[2].reference;
    image.all[1].service = image.all[2].service;
    EXPECT_FALSE(bookings::from_image(c.config(), b.config(), image).has_value());
    image = b.image();
    std::swap(image.all[0], image.all[1]);  // ids out of order
    EXPECT_FALSE(bookings::from_image(c.config(), b.config(), image).has_value());
    image = b.image();
    image.next_id = 3;  // an id not yet given
    EXPECT_FALSE(bookings::from_image(c.config(), b.config(), image).has_value());
}

TEST_F(booking_test, ended_bookings_are_forgotten_after_the_days_kept_and_the_no_show_rate_stays) {
    auto config = small_booking(c.config());
    config.no_show_minimum = 2;
    b = bookings(c.config(), config);
    EXPECT_EQ("ok", book("passport", at("09:00"), "R1"));
    EXPECT_EQ("ok", book("passport", at("09:30"), "R2"));
    EXPECT_EQ("ok", book("passport", at("10:00"), "R3"));
    EXPECT_EQ("ok", book("passport", at("09:00", 2), "R4"));  // Monday, still ahead
    now = at("08:45");
    EXPECT_EQ("A001^", arrive("R1"));
    EXPECT_EQ("ok", run_booking(cancel_booking{token_of("R3")}));
    now = at("09:41");
    EXPECT_EQ("ok", run_booking(lapse_due{}));  // R2
    EXPECT_EQ("ok", run_booking(forget_ended{1}));
    EXPECT_EQ(7u, booking_log.size());  // nothing old enough yet: nothing logged
    now = at("09:00", 2);               // Monday: Saturday's day is 2 days back
    EXPECT_EQ("ok", run_booking(forget_ended{1}));
    EXPECT_TRUE(std::holds_alternative<bookings_forgotten>(booking_log.back()));
    EXPECT_EQ("R4 A 09:00 active", render_bookings());
    EXPECT_EQ(nullptr, b.find(ticket_token{9, 1}));  // R1's token finds nothing now
    EXPECT_EQ(50, b.no_show_percent(0));
    EXPECT_EQ("ok", book("passport", at("09:30", 2), "R1"));  // a new id, never one reused
    EXPECT_EQ(5u, b.all().back().id);
    EXPECT_EQ("invalid_argument", run_booking(forget_ended{-1}));
    auto replayed = bookings(c.config(), config);
    for (auto const& ev : booking_log) replayed.apply(ev);
    EXPECT_TRUE(replayed == b);
}

TEST_F(booking_test, a_booking_configuration_out_of_range_is_named) {
    auto config = small_booking(c.config());
    EXPECT_EQ("", validate(config, c.config()));
    auto with = [&](auto change) {
        auto changed = config;
        change(changed);
        return validate(changed, c.config());
    };
    EXPECT_EQ("booking rules must name every service once", with([](auto& x) { x.services.pop_back(); }));
    EXPECT_EQ("days_ahead must be 0 to 366", with([](auto& x) { x.days_ahead = 400; }));
    EXPECT_EQ("slot_minutes must be 5 to 240", with([](auto& x) { x.services[0].slot_length = 2min; }));
    EXPECT_EQ("walk_in_percent must be 0 to 100", with([](auto& x) { x.services[0].walk_in_percent = 101; }));
    EXPECT_EQ("max_overbook_percent must be 0 to 100", with([](auto& x) { x.services[1].max_overbook_percent = -1; }));
    EXPECT_EQ("the check-in window must be 0 to 24 hours each side of the slot",
              with([](auto& x) { x.window_after = -1min; }));
    EXPECT_EQ("weekly hours must open before they close, within one day",
              with([](auto& x) { x.calendar.weekly[0] = day_hours{17h, 9h}; }));
}

}  // namespace
}  // namespace novbe::core::testing
