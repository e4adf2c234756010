#pragma once
// Failed sign-ins slow the one who guesses and nobody else (docs/RELIABILITY.md#sign-in):
// - a known user whose secret is wrong `max_failures` times within `window` is locked for
//   `lockout`, from every address: guessing one clerk's secret never locks another clerk, a
//   kiosk or a board;
// - credentials that name nothing known (an unknown device token, user name or ticket token)
//   are charged to the client address, whose refusals are then answered later and later
//   (`refusal_delay`), up to `max_delay`. Valid credentials from that address are answered at
//   once, so five bad sign-ins behind a shared proxy lock nobody out.
// Not thread-safe: the core's executor uses it.
#include <chrono>
#include <deque>
#include <string>
#include <unordered_map>

namespace novbe::net {

class sign_in_limiter {
public:
    using clock = std::chrono::steady_clock;
    struct policy {
        int max_failures = 5;
        std::chrono::seconds window = std::chrono::minutes(5);
        std::chrono::seconds lockout = std::chrono::minutes(1);
        int free_failures = 3;                               // per address, before any delay
        std::chrono::milliseconds first_delay{250};          // then doubled per failure
        std::chrono::milliseconds max_delay{8000};           // below the Hello timeout
    };
    sign_in_limiter() : sign_in_limiter(policy{}) {}
    explicit sign_in_limiter(policy p) : policy_(p) {}

    // A known user's lock.
    bool locked(std::string const& user, clock::time_point now);
    void wrong_secret(std::string const& user, clock::time_point now);
    void succeeded(std::string const& user);  // a user's own failures are forgotten

    // Records credentials that name nothing known from `address`; returns how long to wait
    // before refusing them.
    std::chrono::milliseconds unknown_credentials(std::string const& address, clock::time_point now);

private:
    struct record {
        std::deque<clock::time_point> failures;
        clock::time_point locked_until{};
    };
    void forget_old(record& r, clock::time_point now) const;

    policy policy_;
    std::unordered_map<std::string, record> by_address_;
    std::unordered_map<std::string, record> by_user_;  // known users only: bounded by the configuration
};

}  // namespace novbe::net
