#pragma once
// Failed sign-ins are rate limited per client address and per user name: after `max_failures`
// within `window`, further attempts are refused for `lockout`, whatever the secret.
// Not thread-safe: the core's executor uses it.
#include <chrono>
#include <deque>
#include <string>
#include <unordered_map>

namespace novbe::net {

class sign_in_limiter {
public:
    using clock = std::chrono::steady_clock;
    sign_in_limiter(int max_failures = 5, std::chrono::seconds window = std::chrono::minutes(5),
                    std::chrono::seconds lockout = std::chrono::minutes(1))
        : max_failures_(max_failures), window_(window), lockout_(lockout) {}

    bool locked(std::string const& address, std::string const& user, clock::time_point now);
    void failed(std::string const& address, std::string const& user, clock::time_point now);
    void succeeded(std::string const& user);  // a user's own failures are forgotten

private:
    struct record {
        std::deque<clock::time_point> failures;
        clock::time_point locked_until{};
    };
    bool locked(record& r, clock::time_point now);
    void failed(record& r, clock::time_point now);

    int max_failures_;
    std::chrono::seconds window_;
    std::chrono::seconds lockout_;
    std::unordered_map<std::string, record> by_address_;
    std::unordered_map<std::string, record> by_user_;
};

}  // namespace novbe::net
