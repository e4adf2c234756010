// Hours and holidays at runtime over the wire (docs/SETUP.md#hours-and-holidays): an admin
// closes today while a kiosk is connected; its next ticket is refused with the centre-closed
// words, and opening the day again lets it issue, without a reconnect; the calendar survives a
// SIGKILL.
#include "messages.hpp"
#include "admin_server.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "app/config_file.hpp"
#include "core/calendar.hpp"

#include <gtest/gtest.h>

namespace novbe::testing {
namespace {

v1::ClientMessage open_all_week() {
    v1::ClientMessage m;
    for (int i = 0; i < 7; ++i) {
        auto& d = *m.mutable_set_weekly_hours()->add_days();
        d.set_opening("00:00");
        d.set_closing("24:00");
    }
    return m;
}

v1::ClientMessage holiday(std::string const& date, bool add) {
    v1::ClientMessage m;
    if (add) m.mutable_add_holiday()->set_date(date);
    else m.mutable_remove_holiday()->set_date(date);
    return m;
}

// The next CalendarChanged a subscriber hears; nullopt if none comes within a few messages.
std::optional<v1::CalendarChanged> next_calendar(ws_client& c) {
    for (int i = 0; i < 8; ++i) {
        auto m = c.receive();
        if (!m) return std::nullopt;
        if (!m->has_events()) continue;
        for (auto const& e : m->events().events())
            if (e.has_calendar_changed()) return e.calendar_changed();
    }
    return std::nullopt;
}

class hours_test : public admin_server_test {};

TEST_F(hours_test, a_kiosk_follows_today_closed_and_opened_again_and_the_calendar_survives_a_crash) {
    process.start();
    auto kiosk = following_kiosk();
    auto root = signed_in(v1::ROLE_ADMIN, admin, admin_secret);

    // The test server is open all day (server_process), whatever the hour the test runs at: the
    // same week again changes nothing, and is answered without an event.
    auto week = root.request(open_all_week());
    ASSERT_TRUE(week.has_reply()) << week.DebugString();
    EXPECT_EQ("24:00", week.reply().centre().calendar().weekly(3).closing());
    ASSERT_TRUE(kiosk.request(issue("passport")).has_reply());

    auto const today = centre_today();
    auto closed = root.request(holiday(today, true));
    ASSERT_TRUE(closed.has_reply()) << closed.DebugString();
    ASSERT_EQ(1, closed.reply().centre().calendar().holidays_size());
    EXPECT_EQ(today, closed.reply().centre().calendar().holidays(0));
    auto heard = next_calendar(kiosk);
    ASSERT_TRUE(heard) << "the kiosk hears of the new hours without reconnecting";
    EXPECT_EQ("", heard->by()) << "a board view is not told who";
    ASSERT_EQ(1, heard->calendar().holidays_size());
    auto refused = kiosk.request(issue("passport"));
    EXPECT_EQ("ERROR_CODE_CENTRE_CLOSED", error_name(refused));
    EXPECT_EQ("The centre is closed; it opens again tomorrow at 00:00.", refused.error().message());
    EXPECT_GT(refused.error().opens_at_ms(), 0);
    auto manager = signed_in(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(manager.request(holiday(today, false)))) << "the hours are the admin's";

    ASSERT_TRUE(root.request(holiday(today, false)).has_reply());
    auto again = kiosk.request(issue("passport"));
    ASSERT_TRUE(again.has_reply()) << "open again, on the same connection: " << again.DebugString();
    v1::ClientMessage shorter;
    shorter.mutable_set_exception()->set_date(today);
    shorter.mutable_set_exception()->mutable_hours()->set_opening("00:00");
    shorter.mutable_set_exception()->mutable_hours()->set_closing("00:01");
    ASSERT_TRUE(root.request(shorter).has_reply());
    EXPECT_EQ("ERROR_CODE_CENTRE_CLOSED", error_name(kiosk.request(issue("passport")))) << "today's hours are over";
    v1::ClientMessage back;
    back.mutable_set_exception()->set_date(today);
    back.mutable_set_exception()->set_remove(true);
    ASSERT_TRUE(root.request(back).has_reply());
    EXPECT_TRUE(kiosk.request(issue("passport")).has_reply());

    v1::ClientMessage past;
    past.mutable_add_holiday()->set_date("2020-01-01");
    EXPECT_EQ("ERROR_CODE_DATE_OUT_OF_RANGE", error_name(root.request(past)));
    v1::ClientMessage backwards = open_all_week();
    backwards.mutable_set_weekly_hours()->mutable_days(0)->set_closing("00:00");
    auto bad = root.request(backwards);
    EXPECT_EQ("ERROR_CODE_INVALID_ARGUMENT", error_name(bad));
    EXPECT_EQ("Monday: the closing time 00:00 must come after the opening time 00:00.", bad.error().message());

    auto tomorrow_is_closed = root.request(holiday(core::date_text(*core::parse_date(today) + 1), true));
    ASSERT_TRUE(tomorrow_is_closed.has_reply()) << tomorrow_is_closed.DebugString();
    process.kill();
    process.start();
    ws_client later(process.port());
    auto welcome = later.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    ASSERT_TRUE(welcome.has_reply()) << welcome.DebugString();
    auto const& cal = welcome.reply().welcome().centre().calendar();
    ASSERT_EQ(7, cal.weekly_size()) << "a kiosk's public centre has the hours";
    ASSERT_EQ(1, cal.holidays_size()) << "the log kept the holiday through SIGKILL";
    EXPECT_EQ(core::date_text(*core::parse_date(today) + 1), cal.holidays(0));
    EXPECT_TRUE(later.request(issue("passport")).has_reply());
}

}  // namespace
}  // namespace novbe::testing
