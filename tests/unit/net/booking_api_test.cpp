// The booking API's answers (docs/booking-api.yaml) over a real engine and bookings: each
// request planned, decided, applied and answered as the server does, minus the socket and the
// log. With NOVBE_API_ANSWERS=FILE every answer is appended to FILE (one JSON object a line),
// which tests/unit/net/check_booking_api.py validates against the OpenAPI file.
#include "net/booking_api.hpp"

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
    config.services = {{.id = "passport", .prefix = "A", .names = {{"en", "Passport"}}, .default_service_time = 6min},
                       {.id = "notary", .prefix = "C", .names = {{"en", "Notary"}}}};
    config.counters = {{.number = 1, .name = "Counter 1", .services = {0}}};
    config.rules.utc_offset = 4h;
    return config;
}

core::booking_config booking_config(core::centre_config const& centre) {
    auto config = core::booking_config::defaults(centre);
    config.calendar.weekly.fill(core::day_hours{9h, 13h});
    config.services[1].bookable = false;
    return config;  // passport: 1 counter × 30 min ÷ 6 min, half for walk-ins: 2 a slot
}

class booking_api : public ::testing::Test {
protected:
    booking_api() : c(centre_config()), b(c.config(), booking_config(c.config())) {}

    api_answer send(std::string_view method, std::string_view target, std::string_view body = "",
                    std::string_view key = "irembo-key") {
        auto plan = plan_request({method, target, key, body}, portals, b, c, now, {0x5eed, ++tokens});
        api_answer answer;
        if (plan.answer) {
            answer = *plan.answer;
        } else {
            auto decided = b.decide(*plan.command, now, c);
            for (auto const& ev : decided.events) b.apply(ev);
            written += decided.events.size();
            answer = answer_after(plan, decided, b, c);
        }
        record(method, target, answer);
        return answer;
    }
    json::value body_of(api_answer const& a) { return json::parse(a.body); }
    std::string book(std::string_view slot, std::string_view reference) {
        auto a = send("POST", "/api/v1/bookings",
                      R"({"service":"passport","slot":")" + std::string(slot) + R"(","reference":")" +
                          std::string(reference) + R"("})");
        return a.status == 201 ? std::string(body_of(a).at("token").as_string()) : std::to_string(a.status);
    }
    std::string error_of(api_answer const& a) {
        return std::to_string(a.status) + " " + std::string(body_of(a).at("error").as_string());
    }
    // For the OpenAPI check: the path as the file names it, the status and the body.
    static void record(std::string_view method, std::string_view target, api_answer const& a) {
        auto const* file = std::getenv("NOVBE_API_ANSWERS");
        if (!file) return;
        std::string path(target.substr(0, target.find('?')));
        if (path.starts_with("/api/v1/bookings/"))
            path = path.ends_with("/reschedule") ? "/api/v1/bookings/{token}/reschedule" : "/api/v1/bookings/{token}";
        json::object line{{"method", json::string(method)}, {"path", path}, {"status", a.status}, {"body", a.body}};
        std::ofstream(file, std::ios::app) << json::serialize(line) << "\n";
    }

    core::centre c;
    core::bookings b;
    std::vector<portal_key> portals{{"irembo", sha256_hex("irembo-key")}, {"asan", sha256_hex("asan-key")}};
    core::time_point now = core::time_point{sys_days{2026y / November / 28} + 4h};  // 08:00 at UTC+4
    std::uint64_t tokens = 0;
    std::size_t written = 0;
};

TEST_F(booking_api, lists_the_days_free_slots_in_the_centres_time) {
    auto a = send("GET", "/api/v1/slots?service=passport&date=2026-11-28");
    ASSERT_EQ(200u, a.status);
    auto slots = body_of(a).at("slots").as_array();
    ASSERT_EQ(8u, slots.size());  // 09:00 to 12:30
    EXPECT_EQ("2026-11-28T09:00:00+04:00", slots[0].at("start").as_string());
    EXPECT_EQ("2026-11-28T09:30:00+04:00", slots[0].at("end").as_string());
    EXPECT_EQ(2, slots[0].at("free").as_int64());
    book("2026-11-28T09:00:00+04:00", "APP-1");
    EXPECT_EQ(1, body_of(send("GET", "/api/v1/slots?service=passport&date=2026-11-28")).at("slots").at(0).at("free"));
    EXPECT_EQ("404 unknown_service", error_of(send("GET", "/api/v1/slots?service=visa&date=2026-11-28")));
    EXPECT_EQ("422 not_bookable", error_of(send("GET", "/api/v1/slots?service=notary&date=2026-11-28")));
    EXPECT_EQ(8u, body_of(send("GET", "/api/v1/slots?service=passport&date=2026-11-29")).at("slots").as_array().size());
    EXPECT_EQ("400 bad_request", error_of(send("GET", "/api/v1/slots?service=passport&date=28.11.2026")));
}

TEST_F(booking_api, books_looks_up_reschedules_and_cancels) {
    auto token = book("2026-11-28T05:00:00Z", "APP-1");  // 09:00 local, said in UTC
    ASSERT_EQ(32u, token.size());
    auto found = body_of(send("GET", "/api/v1/bookings/" + token));
    EXPECT_EQ("2026-11-28T09:00:00+04:00", found.at("slot").as_string());
    EXPECT_EQ("APP-1", found.at("reference").as_string());
    EXPECT_EQ("active", found.at("state").as_string());
    auto moved = send("POST", "/api/v1/bookings/" + token + "/reschedule", R"({"slot":"2026-11-28T10:00:00+04:00"})");
    EXPECT_EQ(200u, moved.status);
    EXPECT_EQ("2026-11-28T10:00:00+04:00", body_of(moved).at("slot").as_string());
    auto cancelled = send("DELETE", "/api/v1/bookings/" + token);
    EXPECT_EQ(200u, cancelled.status);
    EXPECT_EQ("cancelled", body_of(cancelled).at("state").as_string());
    EXPECT_EQ("409 booking_not_active", error_of(send("DELETE", "/api/v1/bookings/" + token)));
    EXPECT_EQ(3u, written);
}

TEST_F(booking_api, every_bad_request_is_a_clear_error_and_writes_nothing) {
    book("2026-11-28T09:00:00+04:00", "APP-1");
    book("2026-11-28T09:00:00+04:00", "APP-2");
    auto const before = written;
    auto post = [&](std::string_view body) { return error_of(send("POST", "/api/v1/bookings", body)); };
    EXPECT_EQ("400 bad_request", post("{\"service\":"));                                 // bad JSON
    EXPECT_EQ("400 bad_request", post("[1,2]"));
    EXPECT_EQ("400 bad_request", post(R"({"service":"passport","slot":{"at":1}})"));    // not a string
    EXPECT_EQ("400 bad_request", post(R"({"service":"passport","name":"Aysel"})"));     // not a field of ours
    EXPECT_EQ("404 unknown_service", post(R"({"service":"visa","slot":"2026-11-28T09:00:00+04:00","reference":"X"})"));
    EXPECT_EQ("400 bad_request", post(R"({"service":"passport","slot":"tomorrow","reference":"X"})"));
    EXPECT_EQ("422 slot_in_past", post(R"({"service":"passport","slot":"2026-11-28T07:30:00+04:00","reference":"X"})"));
    EXPECT_EQ("409 slot_full", post(R"({"service":"passport","slot":"2026-11-28T09:00:00+04:00","reference":"X"})"));
    EXPECT_EQ("422 no_such_slot", post(R"({"service":"passport","slot":"2026-11-28T09:10:00+04:00","reference":"X"})"));
    EXPECT_EQ("422 not_bookable", post(R"({"service":"notary","slot":"2026-11-28T09:30:00+04:00","reference":"X"})"));
    EXPECT_EQ("409 already_booked", post(R"({"service":"passport","slot":"2026-11-28T09:30:00+04:00","reference":"APP-1"})"));
    EXPECT_EQ("400 invalid_argument", post(R"({"service":"passport","slot":"2026-11-28T09:30:00+04:00","reference":""})"));
    EXPECT_EQ("413 too_large", post(std::string(5000, ' ')));
    auto body = R"({"service":"passport","slot":"2026-11-28T09:30:00+04:00","reference":"X"})";
    EXPECT_EQ("401 unauthorized", error_of(send("POST", "/api/v1/bookings", body, "wrong-key")));
    EXPECT_EQ("401 unauthorized", error_of(send("POST", "/api/v1/bookings", body, "")));
    EXPECT_EQ("404 not_found", error_of(send("GET", "/api/v1/appointments")));
    EXPECT_EQ("405 method_not_allowed", error_of(send("PUT", "/api/v1/bookings", body)));
    EXPECT_EQ(before, written);
    EXPECT_EQ(2u, b.all().size());
}

TEST_F(booking_api, a_portal_sees_only_its_own_bookings) {
    auto token = book("2026-11-28T09:00:00+04:00", "APP-1");
    EXPECT_EQ("404 unknown_booking", error_of(send("GET", "/api/v1/bookings/" + token, "", "asan-key")));
    EXPECT_EQ("404 unknown_booking", error_of(send("DELETE", "/api/v1/bookings/" + token, "", "asan-key")));
    EXPECT_EQ("404 unknown_booking", error_of(send("GET", "/api/v1/bookings/not-a-token")));
    EXPECT_EQ("irembo", b.all().front().portal);
    EXPECT_EQ(core::booking_state::active, b.all().front().state);
}

TEST(rfc3339, reads_offsets_and_refuses_what_is_not_a_time) {
    auto nine = core::time_point{sys_days{2026y / November / 28} + 5h};
    EXPECT_EQ(nine, parse_rfc3339("2026-11-28T09:00:00+04:00"));
    EXPECT_EQ(nine, parse_rfc3339("2026-11-28T05:00:00Z"));
    EXPECT_EQ(nine, parse_rfc3339("2026-11-27T23:00:00-06:00"));
    EXPECT_EQ("2026-11-28T09:00:00+04:00", rfc3339(nine, 4h));
    for (auto bad : {"", "2026-11-28", "2026-02-30T09:00:00Z", "2026-11-28T24:00:00Z", "2026-11-28T09:00:00+4",
                     "2026-11-28 09:00:00Z", "2026-11-28T09:00:00+04:00x"})
        EXPECT_FALSE(parse_rfc3339(bad).has_value()) << bad;
}

}  // namespace
}  // namespace novbe::net
