#include "sign_in_limiter.hpp"

#include <algorithm>

namespace novbe::net {

void sign_in_limiter::forget_old(record& r, clock::time_point now) const {
    while (!r.failures.empty() && now - r.failures.front() > policy_.window) r.failures.pop_front();
}

bool sign_in_limiter::locked(std::string const& user, clock::time_point now) {
    auto it = by_user_.find(user);
    if (it == by_user_.end()) return false;
    forget_old(it->second, now);
    return now < it->second.locked_until;
}

void sign_in_limiter::wrong_secret(std::string const& user, clock::time_point now) {
    auto& r = by_user_[user];
    forget_old(r, now);
    r.failures.push_back(now);
    if (static_cast<int>(r.failures.size()) >= policy_.max_failures) {
        r.locked_until = now + policy_.lockout;
        r.failures.clear();
    }
}

void sign_in_limiter::succeeded(std::string const& user) { by_user_.erase(user); }

std::chrono::milliseconds sign_in_limiter::unknown_credentials(std::string const& address, clock::time_point now) {
    // A flood of addresses must not grow memory for ever.
    if (by_address_.size() > 100'000) by_address_.clear();
    auto& r = by_address_[address];
    forget_old(r, now);
    // Bounded: past the cap the delay no longer grows, so older failures need not be kept.
    if (r.failures.size() < 64) r.failures.push_back(now);
    auto const beyond = static_cast<int>(r.failures.size()) - policy_.free_failures;
    if (beyond <= 0) return std::chrono::milliseconds(0);
    auto delay = policy_.first_delay;
    for (int i = 1; i < beyond && delay < policy_.max_delay; ++i) delay *= 2;
    return std::min(delay, policy_.max_delay);
}

}  // namespace novbe::net
