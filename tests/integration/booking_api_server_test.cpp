// The booking API on the real server's port (docs/booking-api.yaml), as portals use it over
// loopback: book, look up, reschedule, cancel, list free slots; a portal sees only its own
// bookings; every bad request gets its JSON error and status and writes nothing; a wrong key
// slows its address and nobody else.
#include "api_client.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "net/booking_api.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <regex>

namespace novbe::testing {
namespace {

namespace json = boost::json;
using std::chrono::steady_clock;

constexpr char const* irembo_key = "irembo-test-key-0001";
constexpr char const* asan_key = "asan-test-key-0002";

class booking_api_server : public ::testing::Test {
protected:
    void SetUp() override {
        process.configure(std::string("[[portal]]\nname = \"irembo\"\nkey_sha256 = \"") + net::sha256_hex(irembo_key) +
                          "\"\n[[portal]]\nname = \"asan\"\nkey_sha256 = \"" + net::sha256_hex(asan_key) + "\"\n");
        process.start();
    }

    // Events the server has made durable since it started (the log's commits, from /metrics).
    long written() const {
        auto [status, text] = http_get(process.port(), "/metrics");
        std::smatch m;
        if (status != 200 || !std::regex_search(text, m, std::regex("\nnovbe_commit_events_sum ([0-9.e+]+)"))) return -1;
        return static_cast<long>(std::stod(m[1]));
    }

    // "09:00 5/5": the slot's free places of its capacity, from GET /slots.
    std::string slot_at(std::string const& hh_mm, int days = 1) const {
        auto r = irembo().slots("passport", baku_date(days));
        if (r.status != 200) return r.error();
        for (auto const& s : r.body.at("slots").as_array())
            if (std::string(s.at("start").as_string()) == baku_slot(days, hh_mm))
                return hh_mm + " " + std::to_string(s.at("free").as_int64()) + "/" + std::to_string(s.at("capacity").as_int64());
        return hh_mm + " none";
    }

    api_client irembo() const { return {process.port(), irembo_key}; }
    api_client asan() const { return {process.port(), asan_key}; }

    server_process process;
};

std::string summary(api_reply const& r) {
    if (r.status >= 300) return r.error();
    auto const& b = r.body.as_object();
    return std::to_string(r.status) + " " + std::string(b.at("service").as_string()) + " " +
           std::string(b.at("slot").as_string()).substr(11, 5) + " " + std::string(b.at("reference").as_string()) + " " +
           std::string(b.at("state").as_string());
}

TEST_F(booking_api_server, a_portal_books_looks_up_reschedules_cancels_and_lists_free_slots) {
    auto day = irembo().slots("passport", baku_date(1));
    ASSERT_EQ(200, day.status) << day.raw;
    EXPECT_EQ("application/json", day.content_type);
    EXPECT_EQ(48u, day.body.at("slots").as_array().size()) << "open all day: 48 slots of 30 minutes";
    EXPECT_EQ("09:00 5/5", slot_at("09:00")) << "3 counters x 30 min / 8 min x 50 % for walk-ins";

    auto made = irembo().book("passport", baku_slot(1, "09:00"), "AZ-2026/00123");
    ASSERT_EQ("201 passport 09:00 AZ-2026/00123 active", summary(made)) << made.raw;
    auto token = std::string(made.body.at("token").as_string());
    EXPECT_TRUE(std::regex_match(token, std::regex("[0-9a-f]{32}")));
    EXPECT_EQ(baku_slot(1, "09:00"), std::string(made.body.at("slot").as_string()));
    EXPECT_EQ("09:00 4/5", slot_at("09:00"));
    EXPECT_EQ("200 passport 09:00 AZ-2026/00123 active", summary(irembo().get(token)));

    auto moved = irembo().call("POST", "/api/v1/bookings/" + token + "/reschedule", R"({"slot":")" + baku_slot(1, "10:30") + R"("})");
    EXPECT_EQ("200 passport 10:30 AZ-2026/00123 active", summary(moved)) << moved.raw;
    EXPECT_EQ("09:00 5/5", slot_at("09:00"));
    EXPECT_EQ("10:30 4/5", slot_at("10:30"));

    auto cancelled = irembo().call("DELETE", "/api/v1/bookings/" + token);
    EXPECT_EQ("200 passport 10:30 AZ-2026/00123 cancelled", summary(cancelled)) << cancelled.raw;
    EXPECT_EQ("10:30 5/5", slot_at("10:30"));
    EXPECT_EQ("409 booking_not_active", irembo().call("DELETE", "/api/v1/bookings/" + token).error());
    EXPECT_EQ("200 passport 10:30 AZ-2026/00123 cancelled", summary(irembo().get(token)));
    // The same reference may book again once its booking is cancelled.
    EXPECT_EQ("201 passport 11:00 AZ-2026/00123 active", summary(irembo().book("passport", baku_slot(1, "11:00"), "AZ-2026/00123")));
}

TEST_F(booking_api_server, another_portal_cannot_see_or_change_a_booking) {
    auto made = irembo().book("passport", baku_slot(1, "09:00"), "AZ-1");
    ASSERT_EQ(201, made.status) << made.raw;
    auto token = std::string(made.body.at("token").as_string());
    EXPECT_EQ("404 unknown_booking", asan().get(token).error());
    EXPECT_EQ("404 unknown_booking", asan().call("DELETE", "/api/v1/bookings/" + token).error());
    EXPECT_EQ("404 unknown_booking",
              asan().call("POST", "/api/v1/bookings/" + token + "/reschedule", R"({"slot":")" + baku_slot(1, "12:00") + R"("})").error());
    EXPECT_EQ("200 passport 09:00 AZ-1 active", summary(irembo().get(token))) << "unchanged";
    // The same reference is the other portal's own: references are not shared between portals'
    // views, but one active booking per reference and service holds centre-wide.
    EXPECT_EQ("409 already_booked", asan().book("passport", baku_slot(1, "09:30"), "AZ-1").error());
}

TEST_F(booking_api_server, every_bad_request_gets_its_status_and_writes_nothing) {
    for (int i = 0; i < 5; ++i)  // fill the 09:00 slot first: that writes
        ASSERT_EQ(201, irembo().book("passport", baku_slot(1, "09:00"), "FULL-" + std::to_string(i)).status);
    auto before = written();
    ASSERT_GT(before, 0);
    api_client nobody{process.port(), ""};
    api_client stranger{process.port(), "a-guessed-key"};
    auto const body = R"({"service":"passport","slot":")" + baku_slot(1, "12:00") + R"(","reference":"R1"})";
    auto booking = [&](std::string const& fields) { return irembo().call("POST", "/api/v1/bookings", fields); };
    std::vector<std::pair<std::string, api_reply>> answers{
        {"401 unauthorized", nobody.call("POST", "/api/v1/bookings", body)},
        {"401 unauthorized", stranger.call("POST", "/api/v1/bookings", body)},
        {"404 not_found", irembo().call("GET", "/api/v1/nothing")},
        {"405 method_not_allowed", irembo().call("PUT", "/api/v1/bookings", body)},
        {"405 method_not_allowed", irembo().call("GET", "/api/v1/bookings")},
        {"413 too_large", booking(std::string(5000, ' ') + body)},
        {"413 too_large", booking(std::string(20000, ' ') + body)},  // past what the server reads at all
        {"400 bad_request", booking(R"({"service":"passport",)")},
        {"400 bad_request", booking(R"({"service":"passport","slot":")" + baku_slot(1, "12:00") + R"(","reference":"R1","name":"x"})")},
        {"400 bad_request", booking(R"({"service":"passport","slot":"tomorrow at nine","reference":"R1"})")},
        {"400 invalid_argument", booking(R"({"service":"passport","slot":")" + baku_slot(1, "12:00") + R"(","reference":""})")},
        {"404 unknown_service", irembo().book("cooking", baku_slot(1, "12:00"), "R1")},
        {"422 not_bookable", irembo().book("utilities", baku_slot(1, "12:00"), "R1")},
        {"422 slot_in_past", irembo().book("passport", baku_slot(-1, "12:00"), "R1")},
        {"422 too_far_ahead", irembo().book("passport", baku_slot(30, "12:00"), "R1")},
        {"422 no_such_slot", irembo().book("passport", baku_slot(1, "12:10"), "R1")},
        {"409 slot_full", irembo().book("passport", baku_slot(1, "09:00"), "R1")},
        {"409 already_booked", irembo().book("passport", baku_slot(1, "12:00"), "FULL-0")},
        {"400 bad_request", irembo().call("GET", "/api/v1/slots?service=passport&date=28.11.2026")},
        {"404 unknown_service", irembo().slots("cooking", baku_date(1))},
        {"404 unknown_booking", irembo().get(std::string(32, 'a'))},
        {"404 unknown_booking", irembo().call("DELETE", "/api/v1/bookings/not-a-token")},
    };
    for (auto const& [expected, answer] : answers) {
        EXPECT_EQ(expected, answer.error()) << answer.raw;
        EXPECT_EQ("application/json", answer.content_type) << expected;
        ASSERT_TRUE(answer.body.is_object()) << expected << ": " << answer.raw;
        EXPECT_FALSE(std::string(answer.body.at("message").as_string()).empty()) << expected;
    }
    EXPECT_EQ(before, written()) << "no refusal wrote an event";
    EXPECT_EQ("09:00 0/5", slot_at("09:00"));
}

TEST_F(booking_api_server, an_address_guessing_keys_is_slowed_and_a_portal_with_its_key_is_not) {
    api_client guesser{process.port(), "guess", "127.0.0.7"};
    auto slowest = steady_clock::duration::zero();
    for (int i = 0; i < 7; ++i) {
        auto start = steady_clock::now();
        EXPECT_EQ("401 unauthorized", guesser.slots("passport", baku_date(1)).error());
        if (i == 0) {
            EXPECT_LT(steady_clock::now() - start, std::chrono::milliseconds(500)) << "the first guess is answered at once";
        }
        slowest = std::max(slowest, steady_clock::now() - start);
    }
    EXPECT_GE(slowest, std::chrono::milliseconds(1900)) << "the seventh guess waits 2 s";
    api_client same_address{process.port(), irembo_key, "127.0.0.7"};
    auto start = steady_clock::now();
    EXPECT_EQ(200, same_address.slots("passport", baku_date(1)).status);
    EXPECT_LT(steady_clock::now() - start, std::chrono::milliseconds(500)) << "the right key from the guessing address is not slowed";
    EXPECT_TRUE(process.logs_soon("401 for an API key from 127.0.0.7"));
}

}  // namespace
}  // namespace novbe::testing
