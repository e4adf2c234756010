#pragma once
// A portal speaking the booking API (docs/booking-api.yaml) to a real server over loopback, as
// an outside client would: plain HTTP/1.1 bytes, the key in X-Api-Key, JSON in and out. With
// NOVBE_API_ANSWERS set, every answer is appended there (method, path as the file names it,
// status, body) for the OpenAPI check (tests/unit/net/check_booking_api.py).
#include <boost/json.hpp>

#include <string>

namespace novbe::testing {

struct api_reply {
    int status = 0;
    boost::json::value body;  // null when the body is no JSON
    std::string raw;
    std::string content_type;
    std::string error() const;  // "409 slot_full", or the status alone
};

class api_client {
public:
    api_client(unsigned short port, std::string key, std::string from = "127.0.0.1")
        : port_(port), key_(std::move(key)), from_(std::move(from)) {}
    // One request on its own connection; throws if the server does not answer in 5 s.
    api_reply call(std::string const& method, std::string const& target, std::string const& body = "") const;
    api_reply slots(std::string const& service, std::string const& date) const;
    api_reply book(std::string const& service, std::string const& slot, std::string const& reference) const;
    api_reply get(std::string const& token) const { return call("GET", "/api/v1/bookings/" + token); }

private:
    unsigned short port_;
    std::string key_;
    std::string from_;
};

// Appends an answer to NOVBE_API_ANSWERS (if set and the body is JSON), for answers a test
// read with its own bytes (http_exchange) rather than through api_client.
void record_answer(std::string const& method, std::string const& target, int status, std::string const& body);

// Tomorrow in the demo centre's time zone (Asia/Baku, +04:00), "YYYY-MM-DD", and a time of it.
std::string baku_date(int days_from_today);
std::string baku_slot(int days_from_today, std::string const& hh_mm);  // "...T09:00:00+04:00"

}  // namespace novbe::testing
