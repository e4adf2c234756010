// The booking keys (docs/DOMAIN.md#appointments): `[booking]`, a service's own booking keys and
// `[[portal]]` become the engine's booking_config and the API's portals; without `[booking]`
// nothing is bookable, and every bad value is refused with its line.
#include "app/config_file.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace novbe::app {
namespace {

std::string demo_text() {
    std::ifstream in(NOVBE_DEMO_CONFIG);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The demo with its [booking] table, services' booking keys and portal taken out.
std::string without_booking() {
    auto text = demo_text();
    auto from = text.find("\n[booking]\n");
    text.erase(from, text.find("\n\n", from + 1) - from);
    text = std::regex_replace(text, std::regex("\n(bookable|booking_daily_cap) = [^\n]*"), "");
    from = text.find("\n[[portal]]\n");
    return text.erase(from, text.find("\n\n", from + 1) - from);
}

// Loads `text`: the settings, or the refusal after "FILE:" as a config_error's message.
std::variant<net::settings, std::string> loaded(std::string const& text) {
    static int files = 0;
    auto path = (std::filesystem::temp_directory_path() /
                 ("novbe-booking-" + std::to_string(::getpid()) + "-" + std::to_string(++files) + ".toml")).string();
    std::ofstream(path) << text;
    std::variant<net::settings, std::string> out;
    try {
        out = load_config(path);
    } catch (config_error const& e) {
        out = std::string(e.what() + path.size() + 1);
    }
    std::remove(path.c_str());
    return out;
}

net::settings accepted(std::string const& text) {
    auto out = loaded(text);
    if (auto const* refusal = std::get_if<std::string>(&out)) ADD_FAILURE() << *refusal;
    return std::holds_alternative<net::settings>(out) ? std::get<net::settings>(out) : net::settings{};
}

std::string refused(std::string const& text) {
    auto out = loaded(text);
    return std::holds_alternative<std::string>(out) ? std::get<std::string>(out) : "accepted";
}

// The demo's line that starts with `text`, counted from 1.
std::string line_of(std::string const& text) {
    auto demo = demo_text();
    auto at = demo.find("\n" + text);
    return std::to_string(std::count(demo.begin(), demo.begin() + static_cast<std::ptrdiff_t>(at) + 1, '\n') + 1);
}

core::day_number day(int y, unsigned m, unsigned d) {
    return std::chrono::sys_days{std::chrono::year{y} / m / d}.time_since_epoch().count();
}

// "passport:30min/50%/overbook 10%/cap 0 utilities:not bookable" for the named services.
std::string rules(net::settings const& s, std::initializer_list<std::string> ids) {
    std::string out;
    for (auto const& id : ids) {
        auto const& r = s.booking->services[*s.centre.find_service(id)];
        out += (out.empty() ? "" : " ") + id + ":";
        if (!r.bookable) out += "not bookable";
        else out += std::to_string(r.slot_length.count()) + "min/" + std::to_string(r.walk_in_percent) + "%/overbook " +
                    std::to_string(r.max_overbook_percent) + "%/cap " + std::to_string(r.daily_cap) +
                    (r.planned_counters ? "/counters " + std::to_string(*r.planned_counters) : "");
    }
    return out;
}

TEST(booking_config, the_demo_books_its_services_but_utilities_and_names_one_portal) {
    auto s = accepted(demo_text());
    ASSERT_TRUE(s.booking.has_value());
    EXPECT_EQ("passport:30min/50%/overbook 10%/cap 0 utilities:not bookable driving_licence:30min/50%/overbook 10%/cap 40",
              rules(s, {"passport", "utilities", "driving_licence"}));
    EXPECT_EQ(14, s.booking->days_ahead);
    EXPECT_EQ(core::duration(std::chrono::minutes(30)), s.booking->window_before);
    EXPECT_EQ(core::duration(std::chrono::minutes(10)), s.booking->window_after);
    // The calendar is the centre's own hours every day (08:00-20:00).
    auto monday = core::hours_on(s.booking->calendar, day(2026, 11, 30));
    ASSERT_TRUE(monday.has_value());
    EXPECT_EQ(std::chrono::minutes(8 * 60), monday->opening);
    EXPECT_EQ(std::chrono::minutes(20 * 60), monday->closing);
    ASSERT_EQ(1u, s.portals.size());
    EXPECT_EQ("demo-portal", s.portals[0].name);
    EXPECT_EQ("c21e1d435330262194a4476ecf64d9fbdbc0b1c7811446b0e2fa1424e171aa34", s.portals[0].key_sha256);
}

TEST(booking_config, without_a_booking_table_nothing_is_bookable_and_a_service_key_is_refused) {
    auto s = accepted(without_booking());
    EXPECT_FALSE(s.booking.has_value());
    EXPECT_TRUE(s.portals.empty());
    auto text = without_booking();
    text.insert(text.find("service_minutes = 8"), "bookable = true\n");
    EXPECT_NE(std::string::npos, refused(text).find("'bookable' needs a [booking] table")) << refused(text);
}

TEST(booking_config, weekly_hours_holidays_exceptions_and_a_service_s_own_rules_are_read) {
    auto text = demo_text();
    text.insert(text.find("service_minutes = 8"), "booking_slot_minutes = 20\nbooking_counters = 2\nbooking_walk_in_percent = 30\n");
    text += "\n[booking.hours]\nsat = \"09:00-14:00\"\nsun = \"closed\"\n"
            "[booking.exceptions]\n\"2026-12-30\" = \"09:00-13:00\"\n\"2026-12-29\" = \"closed\"\n";
    text.replace(text.find("# holidays = "), 13, "holidays = ");
    auto s = accepted(text);
    ASSERT_TRUE(s.booking.has_value());
    EXPECT_EQ("passport:20min/30%/overbook 10%/cap 0/counters 2", rules(s, {"passport"}));
    auto const& cal = s.booking->calendar;
    EXPECT_EQ((core::day_hours{std::chrono::minutes(9 * 60), std::chrono::minutes(14 * 60)}), core::hours_on(cal, day(2026, 12, 5)));
    EXPECT_FALSE(core::hours_on(cal, day(2026, 12, 6)).has_value()) << "Sundays are closed";
    EXPECT_FALSE(core::hours_on(cal, day(2026, 12, 31)).has_value()) << "a holiday";
    EXPECT_FALSE(core::hours_on(cal, day(2026, 12, 29)).has_value()) << "an exception that closes";
    EXPECT_EQ((core::day_hours{std::chrono::minutes(9 * 60), std::chrono::minutes(13 * 60)}), core::hours_on(cal, day(2026, 12, 30)));
}

TEST(booking_config, a_bad_value_is_refused_with_its_line) {
    auto with = [](std::string const& from, std::string const& to) {
        auto text = demo_text();
        text.replace(text.find(from), from.size(), to);
        return refused(text);
    };
    EXPECT_EQ(line_of("slot_minutes = 30") + ":16: 'slot_minutes' is a whole number 5 to 240",
              with("slot_minutes = 30 ", "slot_minutes = 3 "));
    EXPECT_EQ(line_of("days_ahead = 14") + ":14: 'days_ahead' is a whole number 0 to 366", with("days_ahead = 14", "days_ahead = 400"));
    EXPECT_NE(std::string::npos, with("# holidays = [\"2026-12-31\"", "holidays = [\"2026-02-30\"").find("a holiday is a date")) ;
    EXPECT_NE(std::string::npos, with("# [booking.hours] ", "[booking.hours] \nmon = \"18:00-09:00\"\n#").find("'mon': hours are"));
    EXPECT_NE(std::string::npos, with("# [booking.hours] ", "[booking.hours] \nmonday = \"09:00-18:00\"\n#").find("names weekdays"));
    EXPECT_NE(std::string::npos, with("days_ahead = 14", "days_ahed = 14").find("did you mean 'days_ahead'"));
    EXPECT_NE(std::string::npos, with("key_sha256 = \"c21e", "key_sha256 = \"zz1e").find("64 hex digits"));
    auto twice = demo_text() + "\n[[portal]]\nname = \"demo-portal\"\nkey_sha256 = \"" + std::string(64, 'a') + "\"\n";
    EXPECT_NE(std::string::npos, refused(twice).find("portal 'demo-portal' is listed twice")) << refused(twice);
    auto same_key = demo_text() + "\n[[portal]]\nname = \"other\"\nkey_sha256 = \"C21E1D435330262194A4476ECF64D9FBDBC0B1C7811446B0E2FA1424E171AA34\"\n";
    EXPECT_NE(std::string::npos, refused(same_key).find("has the key of another portal")) << refused(same_key);
    auto staff = demo_text() + "\n[[portal]]\nname = \"staff:leyla\"\nkey_sha256 = \"" + std::string(64, 'b') + "\"\n";
    EXPECT_NE(std::string::npos, refused(staff).find("may not begin with \"staff:\"")) << refused(staff);
}

TEST(booking_config, the_phone_pages_bounds_per_address_are_the_files_and_no_portal_is_named_phone) {
    auto demo = accepted(demo_text());
    EXPECT_EQ(3, demo.phone_bookings_per_address);
    EXPECT_EQ(60, demo.phone_requests_per_minute);
    auto text = demo_text();
    text.replace(text.find("phone_bookings_per_address = 3"), 30, "phone_bookings_per_address = 0");
    EXPECT_EQ(0, accepted(text).phone_bookings_per_address) << "0: the phone page books nothing";
    text.replace(text.find("phone_requests_per_minute = 60"), 30, "phone_requests_per_minute = 0 ");
    EXPECT_NE(std::string::npos, refused(text).find("'phone_requests_per_minute' is a whole number 1 to 100000")) << refused(text);
    auto phone = demo_text() + "\n[[portal]]\nname = \"phone\"\nkey_sha256 = \"" + std::string(64, 'b') + "\"\n";
    EXPECT_NE(std::string::npos, refused(phone).find("may not be named \"phone\"")) << refused(phone);
}

TEST(booking_config, no_portal_is_named_kiosk_which_marks_the_kiosks_bookings_after_the_last_ticket) {
    auto kiosk = demo_text() + "\n[[portal]]\nname = \"kiosk\"\nkey_sha256 = \"" + std::string(64, 'b') + "\"\n";
    EXPECT_NE(std::string::npos, refused(kiosk).find("may not be named \"kiosk\"")) << refused(kiosk);
}

}  // namespace
}  // namespace novbe::app
