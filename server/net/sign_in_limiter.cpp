#include "sign_in_limiter.hpp"

namespace novbe::net {

bool sign_in_limiter::locked(record& r, clock::time_point now) {
    while (!r.failures.empty() && now - r.failures.front() > window_) r.failures.pop_front();
    return now < r.locked_until;
}

void sign_in_limiter::failed(record& r, clock::time_point now) {
    r.failures.push_back(now);
    if (static_cast<int>(r.failures.size()) >= max_failures_) {
        r.locked_until = now + lockout_;
        r.failures.clear();
    }
}

bool sign_in_limiter::locked(std::string const& address, std::string const& user, clock::time_point now) {
    bool by_address = locked(by_address_[address], now);
    bool by_user = !user.empty() && locked(by_user_[user], now);
    return by_address || by_user;
}

void sign_in_limiter::failed(std::string const& address, std::string const& user, clock::time_point now) {
    failed(by_address_[address], now);
    if (!user.empty()) failed(by_user_[user], now);
    // A flood of addresses or made-up user names must not grow memory for ever.
    if (by_address_.size() > 100'000) by_address_.clear();
    if (by_user_.size() > 100'000) by_user_.clear();
}

void sign_in_limiter::succeeded(std::string const& user) { by_user_.erase(user); }

}  // namespace novbe::net
