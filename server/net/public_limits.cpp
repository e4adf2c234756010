#include "net/public_limits.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>

namespace novbe::net {

namespace {

std::chrono::seconds rounded_up(public_limits::clock::duration d) {
    return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(d));
}

}  // namespace

std::string public_limits::key_of(std::string const& address) {
    boost::system::error_code ec;
    auto a = boost::asio::ip::make_address(address, ec);
    if (ec || !a.is_v6() || a.to_v6().is_v4_mapped()) return address;
    auto bytes = a.to_v6().to_bytes();
    std::fill(bytes.begin() + 8, bytes.end(), 0);  // one network's many addresses are one asker
    return boost::asio::ip::address_v6(bytes).to_string() + "/64";
}

bool public_limits::idle(record const& r, clock::time_point now) const {
    return now - r.window_start >= policy_.request_window &&
           (r.bookings.empty() || now - r.bookings.back() >= policy_.booking_window);
}

public_limits::record& public_limits::entry(std::string const& address, clock::time_point now) {
    auto key = key_of(address);
    if (table_.size() >= policy_.max_records && !table_.contains(key)) {
        std::erase_if(table_, [&](auto const& kv) { return idle(kv.second, now); });
        if (table_.size() >= policy_.max_records) {
            std::vector<clock::time_point> lasts;
            lasts.reserve(table_.size());
            for (auto const& kv : table_) lasts.push_back(kv.second.last);
            auto middle = lasts.begin() + static_cast<std::ptrdiff_t>(lasts.size() / 2);
            std::nth_element(lasts.begin(), middle, lasts.end());
            auto const cut = *middle;
            std::erase_if(table_, [&](auto const& kv) { return kv.second.last < cut; });
            if (table_.size() >= policy_.max_records) table_.clear();  // all of one instant
        }
    }
    auto& r = table_[key];
    r.last = now;
    auto fresh = std::find_if(r.bookings.begin(), r.bookings.end(),
                              [&](auto t) { return now - t < policy_.booking_window; });
    r.bookings.erase(r.bookings.begin(), fresh);
    return r;
}

std::optional<std::chrono::seconds> public_limits::request(std::string const& address, clock::time_point now) {
    auto& r = entry(address, now);
    if (now - r.window_start >= policy_.request_window) {
        r.window_start = now;
        r.requests = 0;
    }
    if (r.requests >= policy_.max_requests) return rounded_up(r.window_start + policy_.request_window - now);
    ++r.requests;
    return std::nullopt;
}

std::optional<std::chrono::seconds> public_limits::may_book(std::string const& address, clock::time_point now) {
    auto& r = entry(address, now);
    if (static_cast<int>(r.bookings.size()) < policy_.max_bookings) return std::nullopt;
    return rounded_up(r.bookings.front() + policy_.booking_window - now);
}

void public_limits::booked(std::string const& address, clock::time_point now) {
    entry(address, now).bookings.push_back(now);
}

}  // namespace novbe::net
