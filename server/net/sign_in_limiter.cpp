#include "sign_in_limiter.hpp"

#include <algorithm>

namespace novbe::net {

namespace {

// Past this many a record's failures change nothing (every delay is at its cap), so they need
// not be kept.
constexpr std::size_t kept_failures = 64;

// A real name has at most 64 bytes; a longer one is kept by its first 128, so that a flood of
// huge made-up names costs no more memory than short ones (and still matches no real name).
std::string name_key(std::string const& user) { return user.substr(0, 128); }

std::string pair_key(std::string const& user, std::string const& address) {
    return address + '\0' + name_key(user);  // an address has no NUL: the key is unambiguous
}

std::chrono::milliseconds doubled(std::chrono::milliseconds first, std::chrono::milliseconds cap, long beyond) {
    if (beyond <= 0) return std::chrono::milliseconds(0);
    auto delay = first;
    for (long i = 1; i < beyond && delay < cap; ++i) delay *= 2;
    return std::min(delay, cap);
}

}  // namespace

void sign_in_limiter::forget_old(record& r, clock::time_point now) const {
    auto fresh = std::find_if(r.failures.begin(), r.failures.end(), [&](auto t) { return now - t <= policy_.window; });
    r.failures.erase(r.failures.begin(), fresh);
}

sign_in_limiter::record& sign_in_limiter::entry(std::unordered_map<std::string, record>& table, std::string key,
                                                clock::time_point now) {
    if (table.size() >= policy_.max_records && !table.contains(key)) {
        // Room first from what no longer counts: no failure within the window, no lock, no home
        // (homes are real users' only: a secret was right there).
        std::erase_if(table, [&](auto const& kv) {
            auto const& r = kv.second;
            return now >= r.locked_until && r.home.empty() &&
                   (r.failures.empty() || now - r.failures.back() > policy_.window);
        });
        if (table.size() >= policy_.max_records) {
            // A flood within the window: the oldest half goes, a lock counting as news until it
            // ends (a guesser's lock outlives a flood of made-up names).
            auto newest = [](record const& r) { return std::max(r.last, r.locked_until); };
            std::vector<clock::time_point> lasts;
            lasts.reserve(table.size());
            for (auto const& kv : table) lasts.push_back(newest(kv.second));
            auto middle = lasts.begin() + static_cast<std::ptrdiff_t>(lasts.size() / 2);
            std::nth_element(lasts.begin(), middle, lasts.end());
            auto const cut = *middle;
            std::erase_if(table, [&](auto const& kv) { return newest(kv.second) < cut; });
            if (table.size() >= policy_.max_records) table.clear();  // all of one instant
        }
    }
    auto& r = table[std::move(key)];
    r.last = now;
    return r;
}

sign_in_limiter::verdict sign_in_limiter::attempt(std::string const& user, std::string const& address,
                                                  clock::time_point now) {
    auto& pair = entry(by_pair_, pair_key(user, address), now);
    forget_old(pair, now);
    if (now < pair.locked_until) return {.locked = true};
    pair.failures.push_back(now);
    if (static_cast<int>(pair.failures.size()) >= policy_.max_failures) {
        pair.locked_until = now + policy_.lockout;
        pair.failures.clear();
    }
    auto& name = entry(by_name_, name_key(user), now);
    forget_old(name, now);
    if (name.failures.size() < kept_failures) name.failures.push_back(now);
    if (std::find(name.home.begin(), name.home.end(), address) != name.home.end()) return {};
    auto beyond = static_cast<long>(name.failures.size()) - policy_.name_free_failures;
    return {.hold = doubled(policy_.name_first_hold, policy_.name_max_hold, beyond)};
}

void sign_in_limiter::succeeded(std::string const& user, std::string const& address) {
    by_pair_.erase(pair_key(user, address));
    auto it = by_name_.find(name_key(user));
    if (it == by_name_.end()) return;
    auto& name = it->second;
    if (!name.failures.empty()) name.failures.pop_back();  // this attempt's own charge
    std::erase(name.home, address);
    name.home.insert(name.home.begin(), address);
    if (name.home.size() > 4) name.home.pop_back();
}

bool sign_in_limiter::locked(std::string const& user, std::string const& address, clock::time_point now) {
    auto it = by_pair_.find(pair_key(user, address));
    return it != by_pair_.end() && now < it->second.locked_until;
}

std::chrono::milliseconds sign_in_limiter::unknown_credentials(std::string const& address, clock::time_point now) {
    auto& r = entry(by_address_, address, now);
    forget_old(r, now);
    if (r.failures.size() < kept_failures) r.failures.push_back(now);
    return doubled(policy_.first_delay, policy_.max_delay, static_cast<long>(r.failures.size()) - policy_.free_failures);
}

}  // namespace novbe::net
