#pragma once
// The per-address bounds of the citizens' booking route (docs/DOMAIN.md#phone-bookings), which
// has no key to charge: each client address (an IPv6 one by its /64, what one home or phone
// network is given) may make `max_requests` requests a `request_window` and `max_bookings`
// bookings a `booking_window`, so that a flood from one address can neither empty a day's slots
// nor walk the tokens. A cancelled booking still counts: booking and cancelling in a loop would
// otherwise hold slots for ever. The table holds at most `max_records` addresses: those with
// nothing left to count go first, then the least recently seen half.
// Not thread-safe: the core's executor uses it.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace novbe::net {

class public_limits {
public:
    using clock = std::chrono::steady_clock;
    struct policy {
        int max_requests = 60;
        std::chrono::seconds request_window = std::chrono::minutes(1);
        int max_bookings = 3;
        std::chrono::seconds booking_window = std::chrono::hours(24);
        std::size_t max_records = 100'000;
    };
    public_limits() : public_limits(policy{}) {}
    explicit public_limits(policy p) : policy_(p) {}

    // A request from `address`: nullopt to go on, else how long until it may ask again.
    std::optional<std::chrono::seconds> request(std::string const& address, clock::time_point now);
    // Whether `address` may make one more booking now, and the booking it made.
    std::optional<std::chrono::seconds> may_book(std::string const& address, clock::time_point now);
    void booked(std::string const& address, clock::time_point now);

    policy const& limits() const { return policy_; }
    std::size_t records() const { return table_.size(); }
    static std::string key_of(std::string const& address);  // the address, or an IPv6 one's /64

private:
    struct record {
        clock::time_point window_start{};
        int requests = 0;
        std::vector<clock::time_point> bookings;  // within booking_window, oldest first
        clock::time_point last{};
    };
    record& entry(std::string const& address, clock::time_point now);
    bool idle(record const& r, clock::time_point now) const;

    policy policy_;
    std::unordered_map<std::string, record> table_;
};

}  // namespace novbe::net
