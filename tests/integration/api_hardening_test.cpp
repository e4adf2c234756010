// The booking APIs' edges on the real server's port, as a stranger's client sees them over
// loopback (docs/booking-api.yaml, components/responses/Error): a body with a key twice is
// refused and writes nothing; what the HTTP layer refuses under /api/ (414, 431, 421, 400, an
// unknown path) still answers in the API's JSON error shape; a 405 names the path's methods in
// Allow; a request with two Host headers is refused. Answers on documented paths are recorded for
// the OpenAPI check (integration.booking_api_openapi).
#include "api_client.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "net/booking_api.hpp"

#include <gtest/gtest.h>


namespace novbe::testing {
namespace {

namespace json = boost::json;

constexpr char const* irembo_key = "irembo-test-key-0001";

class api_hardening : public ::testing::Test {
protected:
    void SetUp() override {
        process.configure(std::string("[[portal]]\nname = \"irembo\"\nkey_sha256 = \"") + net::sha256_hex(irembo_key) + "\"\n");
        process.start();
    }

    // The free places of tomorrow's passport slot at `hh_mm`, from the portal's slots route.
    long free_at(std::string const& hh_mm) const {
        auto r = api_client(process.port(), irembo_key).slots("passport", baku_date(1));
        if (r.status != 200) return -1;
        for (auto const& s : r.body.at("slots").as_array())
            if (std::string(s.at("start").as_string()) == baku_slot(1, hh_mm)) return s.at("free").as_int64();
        return -2;
    }
    std::string host() const { return "127.0.0.1:" + std::to_string(process.port()); }

    // Exact bytes: METHOD TARGET, the headers given (Host included only if they name it), a body.
    http_answer raw(std::string const& method, std::string const& target, std::string const& headers,
                    std::string const& body = "") const {
        std::string request = method + " " + target + " HTTP/1.1\r\n" + headers + "Connection: close\r\n";
        if (!body.empty()) request += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
        auto answer = http_exchange(process.port(), request + "\r\n" + body);
        record_answer(method, target, answer.status, answer.body);
        return answer;
    }
    std::string with_host() const { return "Host: " + host() + "\r\nX-Api-Key: " + irembo_key + "\r\n"; }

    // "409 already_booked", after checking the body is the API's error shape and its type JSON.
    static std::string error_of(http_answer const& a) {
        std::error_code ec;
        auto v = json::parse(a.body, ec);
        auto type = a.headers.contains("content-type") ? a.headers.at("content-type") : "";
        if (ec || !v.is_object() || !v.as_object().contains("error") || !v.as_object().contains("message") ||
            v.as_object().size() != 2 || type != "application/json")
            return std::to_string(a.status) + " not the JSON error shape (" + type + "): " + a.body.substr(0, 80);
        return std::to_string(a.status) + " " + std::string(v.at("error").as_string());
    }

    server_process process;
};

TEST_F(api_hardening, a_body_with_a_key_twice_is_refused_and_books_nothing) {
    auto slot = baku_slot(1, "09:00");
    EXPECT_EQ(5, free_at("09:00"));
    std::vector<std::string> bodies{
        R"({"service":"passport","slot":")" + slot + R"(","reference":"AZ-1","reference":"AZ-2"})",
        R"({"service":"passport","slot":")" + slot + R"(","reference":"AZ-1","\u0072eference":"AZ-2"})",  // the same key, escaped
        R"({"service":"passport","service":"passport","slot":")" + slot + R"(","reference":"AZ-1"})",
    };
    for (auto const& body : bodies) {
        EXPECT_EQ("400 bad_request", error_of(raw("POST", "/api/v1/bookings", with_host(), body))) << body;
        EXPECT_EQ("400 bad_request", error_of(raw("POST", "/api/public/v1/bookings", "Host: " + host() + "\r\n", body))) << body;
    }
    // A colon or an escaped quote inside a value is no second key.
    auto fine = raw("POST", "/api/v1/bookings", with_host(),
                    R"({"service":"passport","slot":")" + slot + R"(","reference":"AZ:\"1\""})");
    EXPECT_EQ(201, fine.status) << fine.body;
    EXPECT_EQ(4, free_at("09:00")) << "only the good booking holds a place";
}

TEST_F(api_hardening, what_the_http_layer_refuses_under_api_is_still_the_apis_json_error) {
    auto const slots = "/api/v1/slots?service=passport&date=" + baku_date(1);
    EXPECT_EQ("414 uri_too_long", error_of(raw("GET", slots + "&pad=" + std::string(5000, 'x'), with_host())));
    // A request line over the header limit: the target was never read whole.
    EXPECT_EQ("414 uri_too_long", error_of(raw("GET", slots + "&pad=" + std::string(9000, 'x'), with_host())));
    EXPECT_EQ("431 headers_too_large", error_of(raw("GET", slots, with_host() + "X-Pad: " + std::string(9000, 'x') + "\r\n")));
    EXPECT_EQ("421 misdirected_request", error_of(raw("GET", slots, "Host: evil.example\r\nX-Api-Key: " + std::string(irembo_key) + "\r\n")));
    EXPECT_EQ("400 bad_request", error_of(raw("GET", slots, std::string("X-Api-Key: ") + irembo_key + "\r\n")));  // no Host
    EXPECT_EQ("400 bad_request", error_of(raw("GET", "/api/public/v1/centre", "Host: " + host() + "\r\nHost: evil.example\r\n")));
    for (auto const* nowhere : {"/api/", "/api/v2/slots", "/api/v1", "/api/public/v2/centre", "/api/v1/nothing"})
        EXPECT_EQ("404 not_found", error_of(raw("GET", nowhere, with_host()))) << nowhere;

    // Outside /api/ the same refusals stay sentences.
    auto page = raw("GET", "/" + std::string(5000, 'x'), "Host: " + host() + "\r\n");
    EXPECT_EQ(414, page.status);
    EXPECT_EQ("text/plain; charset=utf-8", page.headers["content-type"]);
}

TEST_F(api_hardening, two_host_headers_are_refused_whichever_comes_first) {
    auto const slots = "/api/v1/slots?service=passport&date=" + baku_date(1);
    EXPECT_EQ(200, raw("GET", slots, with_host()).status) << "one Host: answered";
    EXPECT_EQ("400 bad_request", error_of(raw("GET", slots, with_host() + "Host: evil.example\r\n")));
    EXPECT_EQ("400 bad_request", error_of(raw("GET", slots, "Host: evil.example\r\n" + with_host())));
    EXPECT_EQ("400 bad_request", error_of(raw("GET", slots, with_host() + "Host: " + host() + "\r\n"))) << "even the same name twice";
    EXPECT_EQ(400, raw("GET", "/book", "Host: " + host() + "\r\nHost: " + host() + "\r\n").status);
}

TEST_F(api_hardening, a_405_names_the_methods_the_path_takes) {
    auto made = api_client(process.port(), irembo_key).book("passport", baku_slot(1, "10:00"), "AZ-405");
    ASSERT_EQ(201, made.status) << made.raw;
    auto token = std::string(made.body.at("token").as_string());
    auto public_made = raw("POST", "/api/public/v1/bookings", "Host: " + host() + "\r\n",
                           R"({"service":"passport","slot":")" + baku_slot(1, "10:00") + R"(","reference":"AZ-406"})");
    ASSERT_EQ(201, public_made.status) << public_made.body;
    auto public_token = std::string(json::parse(public_made.body).at("token").as_string());
    struct expectation {
        std::string method, target, allow;
    };
    std::vector<expectation> cases{
        {"POST", "/api/v1/slots?service=passport&date=" + baku_date(1), "GET"},
        {"GET", "/api/v1/bookings", "POST"},
        {"PUT", "/api/v1/bookings/" + token, "GET, DELETE"},
        {"GET", "/api/v1/bookings/" + token + "/reschedule", "POST"},
        {"DELETE", "/api/public/v1/centre", "GET"},
        {"PUT", "/api/public/v1/slots?service=passport&date=" + baku_date(1), "GET"},
        {"DELETE", "/api/public/v1/bookings", "POST"},
        {"POST", "/api/public/v1/bookings/" + public_token, "GET, DELETE"},
    };
    for (auto const& c : cases) {
        auto a = raw(c.method, c.target, with_host(), c.method == "POST" ? "{}" : "");
        EXPECT_EQ("405 method_not_allowed", error_of(a)) << c.method << " " << c.target;
        EXPECT_EQ(c.allow, a.headers["allow"]) << c.method << " " << c.target;
    }
    auto page = raw("POST", "/healthz", "Host: " + host() + "\r\n", "{}");
    EXPECT_EQ(405, page.status);
    EXPECT_EQ("GET, HEAD", page.headers["allow"]);
}

}  // namespace
}  // namespace novbe::testing
