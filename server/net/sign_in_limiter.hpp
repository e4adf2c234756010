#pragma once
// Failed sign-ins slow the one who guesses and nobody else (docs/RELIABILITY.md#sign-in):
// - a person's sign-in (a user name and a secret) is charged to the name AND the client
//   address: `max_failures` wrong secrets from one address within `window` lock that name at
//   that address for `lockout`. A stranger elsewhere on the network never locks the clerk at
//   their own counter out. Names nobody has are charged exactly as real ones, so neither the
//   refusal nor the lock tells which names exist;
// - a name guessed from many addresses is slowed, never refused: beyond `name_free_failures`
//   failures within `window` from all addresses together, each attempt for it is held before
//   its secret is checked, `name_first_hold` doubling per failure up to `name_max_hold`, except
//   from an address where that name last signed in (its own counter). A held attempt, right or
//   wrong, waits the same, so the hold cannot be cut short by giving up early;
// - credentials that name nothing known (an unknown device token, ticket token, booking code or
//   API key) are charged to the client address, whose refusals are then answered later and
//   later (`first_delay` doubling up to `max_delay`). Valid credentials from that address are
//   answered at once, so bad tokens behind a shared proxy lock nobody out.
// Every table holds at most `max_records` entries: expired ones go first, then the oldest half.
// Not thread-safe: the core's executor uses it.
#include <chrono>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace novbe::net {

class sign_in_limiter {
public:
    using clock = std::chrono::steady_clock;
    struct policy {
        int max_failures = 5;  // per name and address
        std::chrono::seconds window = std::chrono::minutes(5);
        std::chrono::seconds lockout = std::chrono::minutes(1);
        int name_free_failures = 10;                  // per name from all addresses, before any hold
        std::chrono::milliseconds name_first_hold{250};
        std::chrono::milliseconds name_max_hold{4000};  // well below the Hello timeout
        int free_failures = 3;                          // per address, before any delay
        std::chrono::milliseconds first_delay{250};     // then doubled per failure
        std::chrono::milliseconds max_delay{8000};      // below the Hello timeout
        std::size_t max_records = 100'000;              // per table
    };
    sign_in_limiter() : sign_in_limiter(policy{}) {}
    explicit sign_in_limiter(policy p) : policy_(p) {}

    // A person's sign-in begins. It is charged as a failure at once (so that attempts in
    // parallel cannot pass the count) until `succeeded` forgives it.
    struct verdict {
        bool locked = false;               // refuse it RATE_LIMITED, uncharged and unchecked
        std::chrono::milliseconds hold{0};  // else check the secret after this long
    };
    verdict attempt(std::string const& user, std::string const& address, clock::time_point now);
    // The secret was right: that name's failures at that address are forgotten, and the address
    // becomes one the name is not held at.
    void succeeded(std::string const& user, std::string const& address);
    bool locked(std::string const& user, std::string const& address, clock::time_point now);

    // Records credentials that name nothing known from `address`; returns how long to wait
    // before refusing them.
    std::chrono::milliseconds unknown_credentials(std::string const& address, clock::time_point now);

    std::size_t records() const { return by_pair_.size() + by_name_.size() + by_address_.size(); }

private:
    struct record {
        std::vector<clock::time_point> failures;  // within the window, oldest first, bounded
        clock::time_point locked_until{};
        clock::time_point last{};
        std::vector<std::string> home;  // a name's addresses of its latest sign-ins (at most 4)
    };
    void forget_old(record& r, clock::time_point now) const;
    record& entry(std::unordered_map<std::string, record>& table, std::string key, clock::time_point now);

    policy policy_;
    std::unordered_map<std::string, record> by_pair_;     // address '\0' name
    std::unordered_map<std::string, record> by_name_;     // any name offered, known or not
    std::unordered_map<std::string, record> by_address_;  // unknown tokens
};

}  // namespace novbe::net
