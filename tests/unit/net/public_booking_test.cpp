// The citizens' own booking route (docs/booking-api.yaml's /api/public/v1/, docs/DOMAIN.md#phone-
// bookings) over a real engine and bookings, as booking_gate runs it minus the socket, the log
// and the per-address bounds (public_limits_test.cpp): what a stranger may read, book and cancel,
// and that nothing tells a reference from a token or lists anyone's bookings. With
// NOVBE_API_ANSWERS=FILE every answer is appended for the OpenAPI check.
#include "net/public_booking.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace novbe::net {
namespace {

using namespace std::chrono;
namespace json = boost::json;

core::centre_config centre_config() {
    core::centre_config config;
    config.services = {{.id = "passport", .prefix = "A", .names = {{"en", "Passport"}, {"az", "Pasport"}}, .default_service_time = 6min},
                       {.id = "notary", .prefix = "C", .names = {{"en", "Notary"}}}};
    config.counters = {{.number = 1, .name = "Counter 1", .services = {0, 1}}};
    config.rules.utc_offset = 4h;
    return config;
}

core::booking_config booking_config(core::centre_config const& centre) {
    auto config = core::booking_config::defaults(centre);
    config.calendar.weekly.fill(core::day_hours{9h, 13h});
    config.calendar.weekly[6] = std::nullopt;  // closed on Sundays
    config.services[1].bookable = false;
    config.days_ahead = 3;
    return config;  // passport: 1 counter x 30 min / 6 min, half for walk-ins: 2 a slot
}

class public_booking : public ::testing::Test {
protected:
    public_booking() : c(centre_config()), b(c.config(), booking_config(c.config())) {}

    api_answer send(std::string_view method, std::string_view target, std::string_view body = "") {
        last = plan_public({method, target, {}, body}, profile, b, c, now, {0x5eed, ++tokens});
        api_answer answer;
        if (last.answer) {
            answer = *last.answer;
        } else {
            auto decided = b.decide(*last.command, now, c);
            for (auto const& ev : decided.events) b.apply(ev);
            written += decided.events.size();
            answer = public_answer_after(last, decided, b, c);
        }
        record(method, target, answer);
        return answer;
    }
    api_answer book(std::string_view slot, std::string_view reference, std::string_view service = "passport") {
        return send("POST", "/api/public/v1/bookings",
                    R"({"service":")" + std::string(service) + R"(","slot":")" + std::string(slot) +
                        R"(","reference":")" + std::string(reference) + R"(","phone":"+994 50 123 45 67"})");
    }
    static json::object body_of(api_answer const& a) { return json::parse(a.body).as_object(); }
    static std::string error_of(api_answer const& a) {
        return std::to_string(a.status) + " " + std::string(body_of(a).at("error").as_string());
    }
    static void record(std::string_view method, std::string_view target, api_answer const& a) {
        auto const* file = std::getenv("NOVBE_API_ANSWERS");
        if (!file) return;
        std::string path(target.substr(0, target.find('?')));
        if (path.starts_with("/api/public/v1/bookings/")) path = "/api/public/v1/bookings/{token}";
        json::object line{{"method", json::string(method)}, {"path", path}, {"status", a.status}, {"body", a.body}};
        std::ofstream(file, std::ios::app) << json::serialize(line) << "\n";
    }

    core::centre c;
    core::bookings b;
    public_profile profile{"ASAN Xidmət 1", {"az", "en", "ru"}};
    core::time_point now = core::time_point{sys_days{2026y / November / 28} + 4h};  // a Saturday, 08:00 at UTC+4
    std::uint64_t tokens = 0;
    std::size_t written = 0;
    public_plan last;
};

TEST_F(public_booking, the_centre_offers_its_bookable_services_and_the_days_ahead_open_or_closed) {
    auto a = send("GET", "/api/public/v1/centre");
    ASSERT_EQ(200u, a.status) << a.body;
    EXPECT_EQ(R"({"name":"ASAN Xidmət 1","languages":["az","en","ru"],)"
              R"("services":[{"id":"passport","names":{"az":"Pasport","en":"Passport"}}],)"
              R"("days":[{"date":"2026-11-28","open":true},{"date":"2026-11-29","open":false},)"
              R"({"date":"2026-11-30","open":true},{"date":"2026-12-01","open":true}],)"
              R"("check_in_before_minutes":30,"check_in_after_minutes":10})",
              a.body) << "notary takes no bookings; Sunday is closed";
    EXPECT_EQ("405 method_not_allowed", error_of(send("POST", "/api/public/v1/centre")));
}

TEST_F(public_booking, a_citizen_books_sees_the_window_to_arrive_in_and_cancels_with_the_token_alone) {
    auto made = book("2026-11-28T10:30:00+04:00", "AA1234567");
    ASSERT_EQ(201u, made.status) << made.body;
    auto token = std::string(body_of(made).at("token").as_string());
    EXPECT_EQ(R"({"token":")" + token + R"(","service":"passport","slot":"2026-11-28T10:30:00+04:00",)"
              R"("arrive_from":"2026-11-28T10:00:00+04:00","arrive_until":"2026-11-28T10:40:00+04:00","state":"active"})",
              made.body) << "no reference, no phone";
    ASSERT_EQ(1u, b.all().size());
    EXPECT_EQ("phone", b.all()[0].portal);
    EXPECT_EQ("AA1234567", b.all()[0].reference);
    EXPECT_EQ("+994 50 123 45 67", b.all()[0].phone);
    EXPECT_EQ(made.body, send("GET", "/api/public/v1/bookings/" + token).body);

    auto cancelled = send("DELETE", "/api/public/v1/bookings/" + token);
    EXPECT_EQ(200u, cancelled.status);
    EXPECT_EQ("cancelled", std::string(body_of(cancelled).at("state").as_string()));
    EXPECT_EQ("409 booking_not_active", error_of(send("DELETE", "/api/public/v1/bookings/" + token)));
    EXPECT_EQ(201u, book("2026-11-28T10:30:00+04:00", "AA1234567").status) << "cancelled: the reference may book again";
}

TEST_F(public_booking, a_reference_never_leads_to_a_token_and_nothing_lists_bookings) {
    ASSERT_EQ(201u, book("2026-11-28T10:30:00+04:00", "AA1234567").status);
    auto again = book("2026-11-28T11:00:00+04:00", "AA1234567");
    EXPECT_EQ("409 already_booked", error_of(again)) << "one active booking per reference and service";
    EXPECT_FALSE(body_of(again).contains("token"));
    EXPECT_EQ("405 method_not_allowed", error_of(send("GET", "/api/public/v1/bookings")));
    EXPECT_EQ("405 method_not_allowed", error_of(send("GET", "/api/public/v1/bookings?reference=AA1234567")));
    auto unknown = send("GET", "/api/public/v1/bookings/00000000000000000000000000000001");
    EXPECT_EQ("404 unknown_booking", error_of(unknown));
    EXPECT_TRUE(last.unknown_token) << "charged to the address as a guess";
    EXPECT_EQ("404 unknown_booking", error_of(send("GET", "/api/public/v1/bookings/AA1234567")));
    EXPECT_EQ("404 not_found", error_of(send("GET", "/api/public/v1/references/AA1234567")));
}

TEST_F(public_booking, bad_requests_get_their_error_and_write_nothing) {
    EXPECT_EQ("400 bad_request", error_of(send("POST", "/api/public/v1/bookings", "{not json")));
    EXPECT_EQ("400 bad_request", error_of(send("POST", "/api/public/v1/bookings", R"({"service":"passport","portal":"irembo"})")));
    EXPECT_EQ("404 unknown_service", error_of(book("2026-11-28T10:30:00+04:00", "R1", "visa")));
    EXPECT_EQ("422 not_bookable", error_of(book("2026-11-28T10:30:00+04:00", "R1", "notary")));
    EXPECT_EQ("422 slot_in_past", error_of(book("2026-11-27T10:30:00+04:00", "R1")));
    EXPECT_EQ("422 day_closed", error_of(book("2026-11-29T10:30:00+04:00", "R1")));
    EXPECT_EQ("422 too_far_ahead", error_of(book("2026-12-02T10:30:00+04:00", "R1")));
    EXPECT_EQ("400 invalid_argument", error_of(book("2026-11-28T10:30:00+04:00", "")));
    EXPECT_EQ("413 too_large", error_of(send("POST", "/api/public/v1/bookings", std::string(4097, ' '))));
    EXPECT_EQ(0u, written);
    ASSERT_EQ(201u, book("2026-11-28T10:30:00+04:00", "R1").status);
    ASSERT_EQ(201u, book("2026-11-28T10:30:00+04:00", "R2").status);
    EXPECT_EQ("409 slot_full", error_of(book("2026-11-28T10:30:00+04:00", "R3")));
    EXPECT_EQ(2u, written);
    EXPECT_EQ("404 unknown_service", error_of(send("GET", "/api/public/v1/slots?service=visa&date=2026-11-28")));
    EXPECT_EQ("422 not_bookable", error_of(send("GET", "/api/public/v1/slots?service=notary&date=2026-11-28")));
    EXPECT_EQ("400 bad_request", error_of(send("GET", "/api/public/v1/slots?service=passport&date=28.11.2026")));
    // Past the last bookable day: no slots offered that could not be booked.
    EXPECT_EQ("422 too_far_ahead", error_of(send("GET", "/api/public/v1/slots?service=passport&date=2026-12-02")));
    EXPECT_EQ("422 too_far_ahead", error_of(send("GET", "/api/public/v1/slots?service=passport&date=9999-12-31")));
}

TEST_F(public_booking, a_day_lists_its_slots_with_their_free_places) {
    ASSERT_EQ(201u, book("2026-11-28T09:00:00+04:00", "R1").status);
    auto day = send("GET", "/api/public/v1/slots?service=passport&date=2026-11-28");
    ASSERT_EQ(200u, day.status) << day.body;
    auto const body = body_of(day);
    auto const& slots = body.at("slots").as_array();
    ASSERT_EQ(8u, slots.size()) << "09:00 to 13:00 in 30 minutes";
    EXPECT_EQ(1, slots[0].at("free").as_int64());
    EXPECT_EQ(2, slots[1].at("free").as_int64());
}

}  // namespace
}  // namespace novbe::net
