// The terminal kiosk's first screen while the centre is closed (kiosk/hours.hpp): by the calendar
// on the centre's own day, or because today was closed early, it says closed and when it opens
// next in each of the centre's languages, and offers no language that would lead to CENTRE_CLOSED.
#include "kiosk/screens.hpp"

#include <gtest/gtest.h>

namespace novbe::kiosk {
namespace {

// Asia/Baku (UTC+4 all year); Monday to Friday 09:00-18:00, the weekend closed.
v1::CentreInfo centre() {
    v1::CentreInfo c;
    c.set_name("ASAN xidmət No. 1");
    c.set_time_zone("Asia/Baku");
    for (auto const* l : {"az", "en", "ru"}) c.add_languages(l);
    for (int d = 0; d < 7; ++d) {
        auto& h = *c.mutable_calendar()->add_weekly();
        if (d >= 5) {
            h.set_closed(true);
            continue;
        }
        h.set_opening("09:00");
        h.set_closing("18:00");
    }
    return c;
}

constexpr long long wednesday_10_00 = 1796191200000;  // 2026-12-02 10:00 in Baku
constexpr long long wednesday_07_00 = 1796180400000;
constexpr long long friday_19_00 = 1796396400000;     // 2026-12-04

std::string with_time(char const* text, std::string const& time) {
    std::string out = text;
    out.replace(out.find("{time}"), 6, time);
    return out;
}

TEST(kiosk_hours, open_hours_show_the_language_choice) {
    EXPECT_FALSE(closed_now(centre(), false, wednesday_10_00));
}

TEST(kiosk_hours, a_day_closed_early_is_closed_all_day_and_opens_the_next_working_morning) {
    auto closed = closed_now(centre(), true, wednesday_10_00);
    ASSERT_TRUE(closed);
    EXPECT_TRUE(closed->all_day);
    EXPECT_EQ("\nASAN xidmət No. 1\n" + with_time(texts_for("az").closed_today, "03.12.2026 09:00") + "\n" +
                  "Closed today. We open again: 03.12.2026 09:00.\n" + with_time(texts_for("ru").closed_today, "03.12.2026 09:00") +
                  "\n  b  I have a booking\n  r  Reprint the last ticket\n",
              closed_screen(centre(), *closed, "en"));
    EXPECT_EQ(std::string::npos, closed_screen(centre(), *closed, "en").find("Choose your language"));
}

TEST(kiosk_hours, a_holiday_today_is_closed_all_day) {
    auto c = centre();
    c.mutable_calendar()->add_holidays("2026-12-02");
    auto closed = closed_now(c, false, wednesday_10_00);
    ASSERT_TRUE(closed);
    EXPECT_EQ("Closed today. We open again: 03.12.2026 09:00.", closed_notice(texts_for("en"), *closed, "Asia/Baku"));
}

TEST(kiosk_hours, before_opening_and_after_closing_say_when_it_opens) {
    auto early = closed_now(centre(), false, wednesday_07_00);
    ASSERT_TRUE(early);
    EXPECT_EQ("The centre is closed. It opens again at 02.12.2026 09:00.", closed_notice(texts_for("en"), *early, "Asia/Baku"));
    auto weekend = closed_now(centre(), false, friday_19_00);
    ASSERT_TRUE(weekend);
    EXPECT_FALSE(weekend->all_day);
    EXPECT_EQ("The centre is closed. It opens again at 07.12.2026 09:00.", closed_notice(texts_for("en"), *weekend, "Asia/Baku"));
}

TEST(kiosk_hours, no_opening_within_sixty_days_says_closed_today_alone) {
    auto c = centre();
    for (auto& h : *c.mutable_calendar()->mutable_weekly()) h.set_closed(true);
    auto closed = closed_now(c, false, wednesday_10_00);
    ASSERT_TRUE(closed);
    EXPECT_FALSE(closed->opens_at_ms);
    EXPECT_EQ("Closed today.", closed_notice(texts_for("en"), *closed, "Asia/Baku"));
}

}  // namespace
}  // namespace novbe::kiosk
