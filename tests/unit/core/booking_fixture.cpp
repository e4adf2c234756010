#include "booking_fixture.hpp"

#include "core/opening_hours.hpp"

#include <charconv>

namespace novbe::core::testing {

booking_config small_booking(centre_config const& centre) {
    auto config = booking_config::defaults(centre);
    auto weekday = day_hours{9h, 17h};
    config.calendar.weekly = {weekday, weekday, weekday, weekday, weekday, day_hours{9h, 13h}, std::nullopt};
    config.services[0].planned_counters = 1;
    config.services[2].bookable = false;
    return config;
}

time_point booking_test::at(std::string_view hh_mm, int days) {
    int h = 0, m = 0;
    std::from_chars(hh_mm.data(), hh_mm.data() + 2, h);
    std::from_chars(hh_mm.data() + 3, hh_mm.data() + 5, m);
    return morning() - 8h + std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::days(days);
}

std::string booking_test::run_booking(booking_command cmd) {
    if (auto* arrival = std::get_if<check_in>(&cmd)) {
        auto out = decide_check_in(b, c, *arrival, now);
        if (out.writes())
            for (auto const& ev : out.booking.events) {
                b.apply(ev);
                booking_log.push_back(ev);
            }
        if (out.writes() && out.booking.ok())
            for (auto const& ev : out.ticket.events()) {
                c.apply(ev);
                log.push_back(ev);
            }
        if (!out.booking.ok()) return std::string(name(out.booking.error));
        return out.ticket.ok() ? "ok" : std::string(name(out.ticket.error()));
    }
    auto out = b.decide(cmd, now, c);
    if (!out.ok()) return std::string(name(out.error));
    for (auto const& ev : out.events) {
        EXPECT_TRUE(b.can_apply(ev));
        b.apply(ev);
        booking_log.push_back(ev);
    }
    return "ok";
}

std::string booking_test::book(std::string_view service_id, time_point slot, std::string reference) {
    auto s = c.config().find_service(service_id);
    return run_booking(book_slot{s.value_or(999), slot, std::move(reference), "", "portal", {9, next_booking_token++}});
}

ticket_token booking_test::token_of(std::string_view reference) const {
    for (auto it = b.all().rbegin(); it != b.all().rend(); ++it)
        if (it->reference == reference) return it->token;
    return {};
}

std::string booking_test::arrive(std::string_view reference) {
    auto result = run_booking(check_in{std::nullopt, std::string(reference), "en", {0, next_token++}});
    return result == "ok" ? c.number_of(c.tickets().back()) + "^" : result;
}

namespace {

std::string clock_of(time_point t) {
    auto local = t + 4h;  // the small centre is at UTC+4
    auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - std::chrono::floor<std::chrono::days>(local));
    return clock_text(minutes);
}

}  // namespace

std::string booking_test::render_slots(std::string_view service_id, int days) const {
    auto s = *c.config().find_service(service_id);
    auto d = day_of(morning(), 4h, 0min) + days;
    std::string out;
    for (auto const& x : b.slots(s, d, c)) {
        if (!out.empty()) out += ", ";
        out += clock_of(x.start) + " " + std::to_string(b.held(s, x.start)) + "/" + std::to_string(x.bookable) + "+" +
               std::to_string(x.overbook);
    }
    return out;
}

std::string booking_test::render_bookings() const {
    std::string out;
    for (auto const& x : b.all()) {
        if (!out.empty()) out += ", ";
        out += x.reference + " " + c.config().services[x.service].prefix + " " + clock_of(x.slot) + " " +
               std::string(name(x.state));
    }
    return out;
}

}  // namespace novbe::core::testing
