// The citizens' own booking route (docs/booking-api.yaml's /api/public/v1/, docs/DOMAIN.md#phone-
// bookings) on the real server's port, as a stranger's phone uses it over loopback with no key:
// book, look up and cancel by token; each bad request a JSON error and nothing written; the
// per-address bounds hold one address back and nobody else; a portal never sees these bookings.
#include "api_client.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "net/booking_api.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace novbe::testing {
namespace {

constexpr char const* irembo_key = "irembo-test-key-0001";

class phone_booking_server : public ::testing::Test {
protected:
    void SetUp() override {
        process.configure(std::string("[[portal]]\nname = \"irembo\"\nkey_sha256 = \"") + net::sha256_hex(irembo_key) + "\"\n");
        process.start();
    }

    long written() const {
        auto [status, text] = http_get(process.port(), "/metrics");
        std::smatch m;
        if (status != 200 || !std::regex_search(text, m, std::regex("\nnovbe_commit_events_sum ([0-9.e+]+)"))) return -1;
        return static_cast<long>(std::stod(m[1]));
    }
    // The slot's free places, from the public route itself.
    long free_at(std::string const& hh_mm, std::string const& from = "127.0.0.1") const {
        auto r = phone(from).call("GET", "/api/public/v1/slots?service=passport&date=" + baku_date(1));
        if (r.status != 200) return -1;
        for (auto const& s : r.body.at("slots").as_array())
            if (std::string(s.at("start").as_string()) == baku_slot(1, hh_mm)) return s.at("free").as_int64();
        return -2;
    }
    api_client phone(std::string const& from = "127.0.0.1") const { return {process.port(), "", from}; }
    api_reply book(std::string const& from, std::string const& hh_mm, std::string const& reference,
                   std::string const& service = "passport") const {
        return phone(from).call("POST", "/api/public/v1/bookings",
                                R"({"service":")" + service + R"(","slot":")" + baku_slot(1, hh_mm) +
                                    R"(","reference":")" + reference + R"(","phone":"+994 50 000 00 00"})");
    }

    server_process process;
};

TEST_F(phone_booking_server, a_citizen_books_looks_up_and_cancels_with_no_key_and_sees_no_personal_data_back) {
    auto centre = phone().call("GET", "/api/public/v1/centre");
    ASSERT_EQ(200, centre.status) << centre.raw;
    EXPECT_EQ("application/json", centre.content_type);
    EXPECT_FALSE(centre.body.at("services").as_array().empty());
    EXPECT_EQ(5, free_at("09:00"));

    auto made = book("127.0.0.1", "09:00", "AA1234567");
    ASSERT_EQ(201, made.status) << made.raw;
    auto token = std::string(made.body.at("token").as_string());
    EXPECT_EQ(baku_slot(1, "08:30"), std::string(made.body.at("arrive_from").as_string()));
    EXPECT_EQ(baku_slot(1, "09:10"), std::string(made.body.at("arrive_until").as_string()));
    EXPECT_EQ(std::string::npos, made.raw.find("AA1234567")) << made.raw;
    EXPECT_EQ(std::string::npos, made.raw.find("994")) << made.raw;
    EXPECT_EQ(4, free_at("09:00"));

    auto seen = phone().call("GET", "/api/public/v1/bookings/" + token);
    EXPECT_EQ(200, seen.status);
    EXPECT_EQ(made.raw, seen.raw);
    api_client irembo{process.port(), irembo_key};
    EXPECT_EQ("404 unknown_booking", irembo.get(token).error()) << "a portal does not see the phone's bookings";

    auto cancelled = phone().call("DELETE", "/api/public/v1/bookings/" + token);
    EXPECT_EQ(200, cancelled.status) << cancelled.raw;
    EXPECT_EQ("cancelled", std::string(cancelled.body.at("state").as_string()));
    EXPECT_EQ(5, free_at("09:00"));
}

TEST_F(phone_booking_server, every_bad_request_gets_its_error_and_writes_nothing) {
    for (int i = 0; i < 5; ++i)  // fill the 10:00 slot first (a portal: the phone's own bounds stay untouched)
        ASSERT_EQ(201, api_client(process.port(), irembo_key).book("passport", baku_slot(1, "10:00"), "FULL-" + std::to_string(i)).status);
    auto before = written();
    ASSERT_GT(before, 0);
    auto post = [&](std::string const& body) { return phone().call("POST", "/api/public/v1/bookings", body); };
    auto good = R"({"service":"passport","slot":")" + baku_slot(1, "12:00") + R"(","reference":"R1"})";
    std::vector<std::pair<std::string, api_reply>> answers{
        {"400 bad_request", post(R"({"service":"passport",)")},
        {"400 bad_request", post(R"(["passport"])")},
        {"400 bad_request", post(R"({"service":"passport","slot":")" + baku_slot(1, "12:00") + R"(","reference":"R1","portal":"irembo"})")},
        {"400 invalid_argument", post(R"({"service":"passport","slot":")" + baku_slot(1, "12:00") + R"(","reference":""})")},
        {"404 unknown_service", book("127.0.0.1", "12:00", "R1", "cooking")},
        {"422 not_bookable", book("127.0.0.1", "12:00", "R1", "utilities")},
        {"409 slot_full", book("127.0.0.1", "10:00", "R1")},
        {"422 slot_in_past", phone().call("POST", "/api/public/v1/bookings", R"({"service":"passport","slot":")" + baku_slot(-1, "12:00") + R"(","reference":"R1"})")},
        {"422 no_such_slot", book("127.0.0.1", "12:10", "R1")},
        {"413 too_large", post(std::string(5000, ' ') + good)},
        {"413 too_large", post(std::string(20000, ' ') + good)},  // past what the server reads at all
        {"405 method_not_allowed", phone().call("GET", "/api/public/v1/bookings")},
        {"404 unknown_booking", phone().call("GET", "/api/public/v1/bookings/" + std::string(32, 'a'))},
        {"404 not_found", phone().call("GET", "/api/public/v1/nothing")},
    };
    for (auto const& [expected, answer] : answers) {
        EXPECT_EQ(expected, answer.error()) << answer.raw;
        EXPECT_EQ("application/json", answer.content_type) << expected;
        ASSERT_TRUE(answer.body.is_object()) << expected << ": " << answer.raw;
        EXPECT_FALSE(std::string(answer.body.at("message").as_string()).empty()) << expected;
    }
    EXPECT_EQ(before, written()) << "no refusal wrote an event";
    EXPECT_EQ(5, free_at("12:00"));
}

TEST_F(phone_booking_server, another_sites_page_cannot_book_from_its_visitors_and_the_centres_own_can) {
    auto request = [&](std::string const& origin) {
        auto body = R"({"service":"passport","slot":")" + baku_slot(1, "13:00") + R"(","reference":"VISITOR-1"})";
        auto host = "127.0.0.1:" + std::to_string(process.port());
        // text/plain: the one kind of POST a foreign page sends without asking first
        return http_exchange(process.port(), "POST /api/public/v1/bookings HTTP/1.1\r\nHost: " + host +
                                                 "\r\nOrigin: " + origin + "\r\nContent-Type: text/plain\r\nContent-Length: " +
                                                 std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    };
    auto foreign = request("https://evil.example");
    EXPECT_EQ(403, foreign.status);
    EXPECT_NE(std::string::npos, foreign.body.find("forbidden_origin")) << foreign.body;
    EXPECT_EQ(403, request("null").status);
    EXPECT_EQ(5, free_at("13:00")) << "nothing booked";  // (the server's own start-up events may still be landing)
    EXPECT_EQ(201, request("http://127.0.0.1:" + std::to_string(process.port())).status) << "the centre's own page books";
}

TEST_F(phone_booking_server, one_address_books_three_times_a_day_and_asks_sixty_times_a_minute_and_nobody_else_waits) {
    for (int i = 0; i < 3; ++i) ASSERT_EQ(201, book("127.0.0.9", "11:00", "FLOOD-" + std::to_string(i)).status);
    auto before = written();
    auto fourth = book("127.0.0.9", "11:00", "FLOOD-3");
    EXPECT_EQ("429 too_many_bookings", fourth.error()) << fourth.raw;
    EXPECT_EQ(2, free_at("11:00")) << "the flood took three places, not the slot";
    EXPECT_EQ(before, written());
    EXPECT_EQ(201, book("127.0.0.10", "11:00", "NEIGHBOUR").status) << "another address books";

    int answered = 0;
    api_reply refused;
    for (int i = 0; i < 70 && refused.status == 0; ++i) {
        auto r = phone("127.0.0.11").call("GET", "/api/public/v1/centre");
        if (r.status == 200) ++answered; else refused = r;
    }
    EXPECT_EQ(60, answered);
    EXPECT_EQ("429 rate_limited", refused.error()) << refused.raw;
    EXPECT_EQ(200, phone("127.0.0.12").call("GET", "/api/public/v1/centre").status);
    EXPECT_TRUE(process.logs_soon("429 on the public booking route from 127.0.0.9"))  // the first; then one a second
        << "the operator sees who is held back";
}

// A reference proves nobody's identity: already_booked would tell a stranger, for free, that
// an ID card number holds a booking. It costs the asking address a booking, so from one address
// at most 3 such answers a day, whatever mix of bookings and probes (docs/DOMAIN.md#phone-bookings).
TEST_F(phone_booking_server, asking_whether_a_reference_holds_a_booking_costs_a_booking) {
    api_client irembo{process.port(), irembo_key};
    ASSERT_EQ(201, irembo.book("passport", baku_slot(1, "14:00"), "AA7654321").status);  // someone's, by a portal
    for (auto const* spelling : {"AA7654321", "aa7654321", "Aa7654321"}) {
        auto probe = book("127.0.0.30", "14:30", spelling);
        EXPECT_EQ("409 already_booked", probe.error()) << spelling << ": " << probe.raw;
        EXPECT_EQ(std::string::npos, probe.raw.find("token")) << probe.raw;
        EXPECT_NE(std::string::npos, probe.raw.find("code")) << "it says where a citizen finds their booking: " << probe.raw;
    }
    EXPECT_EQ("429 too_many_bookings", book("127.0.0.30", "14:30", "BB0000001").error()) << "three answers spent the day's bookings";
    EXPECT_EQ(5, free_at("14:30")) << "nothing was booked";
    EXPECT_EQ(201, book("127.0.0.31", "14:30", "BB0000001").status) << "another address books";
}

}  // namespace
}  // namespace novbe::testing
