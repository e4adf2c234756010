// Hours and holidays at runtime (docs/SETUP.md#hours-and-holidays): an admin's week, holidays
// and exceptions are logged whole with who set them, kiosks follow today's hours at once, and a
// change that would strand an active booking is refused with how many.
#include "booking_fixture.hpp"

#include "core/opening_hours.hpp"

namespace novbe::core::testing {
namespace {

using namespace std::chrono;

day_number today() { return day_of(morning(), 4h, 0min); }  // Saturday 2026-11-28

class calendar_setup : public centre_test {
protected:
    std::string try_issue() { return run(issue_ticket{.service = 0, .language = "en", .token = {0, next_token++}}); }
    outcome refusal_now() const { return c.decide(issue_ticket{.service = 0, .language = "en", .token = {0, 999}}, now); }
    calendar_config const& calendar() const { return c.appointments().config().calendar; }
    static std::array<std::optional<day_hours>, 7> week(day_hours h) { return {h, h, h, h, h, h, h}; }
};

TEST_F(calendar_setup, a_holiday_set_today_closes_the_kiosks_at_once_and_removing_it_opens_them) {
    EXPECT_EQ("A001", issue("passport"));
    EXPECT_EQ("ok", run(set_holiday{today(), true, "root"}));
    auto const& set = std::get<calendar_set>(log.back());
    EXPECT_EQ("root", set.by);
    EXPECT_TRUE(set.calendar.holidays.contains(today()));
    auto refused = refusal_now();
    EXPECT_EQ(errc::centre_closed, refused.error());
    EXPECT_EQ(morning() - 8h + days{1}, refused.until()) << "open all day tomorrow: from the day's start";
    EXPECT_EQ("ok", run(tick{}));
    EXPECT_FALSE(c.closed()) << "a holiday does not close the day: opening it again lets tickets in";
    EXPECT_EQ("A: waiting=A001", render(c, "passport"));
    EXPECT_EQ("ok", run(set_holiday{today(), false, "root"}));
    EXPECT_EQ("A002", issue("passport"));
}

TEST_F(calendar_setup, the_weeks_hours_and_an_exception_decide_todays_tickets_and_closing_time) {
    auto week_of = week(day_hours{10h, 12h});
    week_of[6] = std::nullopt;  // Sunday closed
    EXPECT_EQ("ok", run(set_weekly_hours{week_of, "root"}));
    auto early = refusal_now();  // Saturday 08:00
    EXPECT_EQ(errc::centre_closed, early.error());
    EXPECT_EQ("The centre is closed; it opens again at 10:00.", early.detail());
    EXPECT_EQ(morning() + 2h, early.until());
    now = morning() + 4h;  // 12:00: closing time
    EXPECT_EQ("centre_closed", try_issue());
    EXPECT_EQ(morning() + 2h + days{2}, refusal_now().until()) << "Sunday is closed: Monday at 10:00";
    EXPECT_EQ("ok", run(tick{}));
    EXPECT_TRUE(c.closed());

    now = morning() + days{2};  // Monday 08:00, with an exception 07:00-09:00 that day
    EXPECT_EQ("ok", run(set_exception{today() + 2, day_hours{7h, 9h}, "root"}));
    EXPECT_EQ("ok", try_issue());
    now += 1h;
    EXPECT_EQ("centre_closed", try_issue());
    EXPECT_EQ("ok", run(set_exception{today() + 2, std::nullopt, "root"}));  // removed: the week's 10:00-12:00
    EXPECT_EQ(morning() + days{2} + 2h, refusal_now().until());
}

TEST_F(calendar_setup, refusals_name_the_day_the_date_and_the_cap) {
    auto week_of = week(day_hours{9h, 18h});
    week_of[0] = day_hours{18h, 9h};
    auto bad = c.decide(set_weekly_hours{week_of, "root"}, now);
    EXPECT_EQ(errc::invalid_argument, bad.error());
    EXPECT_EQ("Monday: the closing time 09:00 must come after the opening time 18:00.", bad.detail());
    EXPECT_EQ("2026-11-28: from 09:00 to 34:00 is longer than a day.", c.decide(set_exception{today(), day_hours{9h, 34h}, "root"}, now).detail());
    // In an admin's words, not the file's keys (the page shows the sentence): the centre's day
    // starts at midnight, so a closing may not pass it.
    week_of[0] = day_hours{18h, 25h};
    EXPECT_EQ("Monday: the closing time 25:00 comes after the centre's next day begins (00:00): close by then.",
              c.decide(set_weekly_hours{week_of, "root"}, now).detail());
    EXPECT_EQ("invalid_argument", run(set_holiday{today(), true, ""})) << "nobody named";
    auto past = c.decide(set_holiday{today() - 1, true, "root"}, now);
    EXPECT_EQ(errc::date_out_of_range, past.error());
    EXPECT_EQ("2026-11-27 is in the past: a date is today (2026-11-28) or later.", past.detail());
    EXPECT_EQ("date_out_of_range", run(set_exception{today() + 367, day_hours{9h, 12h}, "root"}));
    EXPECT_EQ("ok", run(set_holiday{today() + 366, true, "root"}));
    for (int d = 1; d < 100; ++d) ASSERT_EQ("ok", run(set_holiday{today() + d, true, "root"}));
    auto full = c.decide(set_holiday{today() + 200, true, "root"}, now);
    EXPECT_EQ(errc::setup_limit_reached, full.error());
    EXPECT_EQ("The centre has 100 holidays from today on, as many as it may: remove one first.", full.detail());
    EXPECT_EQ("ok", run(set_holiday{today() + 1, false, "root"}));
    EXPECT_EQ("ok", run(set_holiday{today() + 200, true, "root"}));
    auto const logged = log.size();
    EXPECT_EQ("ok", run(set_holiday{today() + 200, true, "root"}));
    EXPECT_EQ(logged, log.size()) << "nothing changes: nothing logged";
}

TEST_F(calendar_setup, days_before_today_leave_the_calendar_as_it_changes) {
    EXPECT_EQ("ok", run(set_holiday{today() + 1, true, "root"}));
    now += days{3};
    EXPECT_EQ("ok", run(set_holiday{today() + 5, true, "root"}));
    EXPECT_EQ(std::set<day_number>{today() + 5}, calendar().holidays);
}

TEST_F(calendar_setup, the_image_keeps_an_admins_calendar_and_none_when_the_file_is_in_use) {
    EXPECT_FALSE(c.image().calendar);
    EXPECT_EQ("ok", run(set_holiday{today() + 3, true, "root"}));
    auto image = c.image();
    ASSERT_TRUE(image.calendar);
    auto back = centre::from_image(small_centre(), image);
    ASSERT_TRUE(back);
    EXPECT_EQ(calendar(), back->appointments().config().calendar);
    EXPECT_TRUE(back->appointments().calendar_set());
}

// The centre taking bookings (booking_fixture.hpp): weekdays 09:00-17:00, Saturday 09:00-13:00.
class calendar_bookings : public calendar_setup {
protected:
    calendar_bookings() { c = centre(small_centre(), small_booking(small_centre())); }
    std::string book_monday(std::string reference, minutes at = 9h) {
        book_slot cmd{.service = 0, .slot = morning() - 8h + at + days{2}, .reference = std::move(reference),
                      .portal = "egov", .token = {9, next_token++}};
        auto out = c.appointments().decide(cmd, now, c);
        if (!out.ok()) return std::string(name(out.error));
        for (auto const& e : out.events) c.apply(as_event(e));
        return "ok";
    }
};

TEST_F(calendar_bookings, a_day_with_active_bookings_does_not_close_until_they_are_cancelled) {
    ASSERT_EQ("ok", book_monday("R1"));
    ASSERT_EQ("ok", book_monday("R2", 16h + 30min));
    auto closing = c.decide(set_holiday{today() + 2, true, "root"}, now);
    EXPECT_EQ(errc::day_has_bookings, closing.error());
    EXPECT_EQ("2 active bookings fall outside these hours, the first on 2026-11-30 at 09:00 (passport): cancel or move them first.",
              closing.detail());
    auto shorter = c.decide(set_exception{today() + 2, day_hours{9h, 12h}, "root"}, now);
    EXPECT_EQ(errc::day_has_bookings, shorter.error());
    EXPECT_EQ("1 active booking falls outside these hours, the first on 2026-11-30 at 16:30 (passport): cancel or move it first.",
              shorter.detail());
    EXPECT_EQ("ok", run(set_exception{today() + 2, day_hours{8h, 17h}, "root"})) << "wider hours strand nobody";
    auto week = small_booking(small_centre()).calendar.weekly;
    week[0] = std::nullopt;
    EXPECT_EQ("ok", run(set_weekly_hours{week, "root"})) << "Monday's exception still holds the day";
    EXPECT_EQ("day_has_bookings", run(set_exception{today() + 2, std::nullopt, "root"}));

    auto const& b = c.appointments().all();
    for (auto token : {b[0].token, b[1].token}) {
        auto out = c.appointments().decide(cancel_booking{token}, now, c);
        ASSERT_TRUE(out.ok());
        for (auto const& e : out.events) c.apply(as_event(e));
    }
    EXPECT_EQ("ok", run(set_holiday{today() + 2, true, "root"}));
    EXPECT_EQ("day_closed", book_monday("R3"));
}

TEST_F(calendar_bookings, a_service_with_active_bookings_is_not_retired) {
    ASSERT_EQ("ok", book_monday("R1"));
    EXPECT_EQ("ok", run(add_counter{{.number = 9, .services = {service("passport")}}, "root"}));
    auto retire = c.decide(retire_service{"passport", "root"}, now);
    EXPECT_EQ(errc::service_has_bookings, retire.error());
    EXPECT_EQ("This service has 1 active booking: cancel it or move it to another service first.", retire.detail());
}

}  // namespace
}  // namespace novbe::core::testing
