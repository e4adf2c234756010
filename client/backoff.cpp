#include "client/backoff.hpp"

#include <algorithm>

namespace novbe::client {

backoff::backoff(std::chrono::milliseconds first, std::chrono::milliseconds cap, std::uint64_t seed)
    : first_(std::max(first, std::chrono::milliseconds(1))), cap_(std::max(cap, first_)), rng_(seed) {}

std::chrono::milliseconds backoff::next() {
    auto ceiling = first_;
    for (int i = 0; i < attempts_ && ceiling < cap_; ++i) ceiling *= 2;
    ceiling = std::min(ceiling, cap_);
    ++attempts_;
    std::uniform_int_distribution<std::int64_t> pick(ceiling.count() / 2, ceiling.count());
    return std::chrono::milliseconds(pick(rng_));
}

}  // namespace novbe::client
