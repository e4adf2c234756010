#pragma once
// Estimated waits: place in line, counters serving the line, and a steady service time.
#include "time.hpp"

#include <cstddef>
#include <deque>

namespace novbe::core {

// docs/DOMAIN.md#estimates
// A service's expected service time: the configured one (the prior, worth `prior_weight`
// services) blended with the trimmed mean of its last N service times (start to completion), so
// that one very short or very long service moves it a little, never all the way. The recent
// times are kept whole, oldest first, so that a range can later be read from the same window.
class service_times {
public:
    static constexpr std::size_t prior_weight = 5;

    service_times() = default;
    service_times(std::size_t window, duration prior) : window_(window), prior_(prior), expected_(prior) {}

    void add(duration d);
    std::deque<duration> const& recent() const { return recent_; }  // oldest first
    duration prior() const { return prior_; }
    // The blend of the prior and the recent services; the prior alone before any is known.
    duration expected() const { return expected_; }
    bool operator==(service_times const&) const = default;

private:
    std::size_t window_ = 1;
    duration prior_{};
    std::deque<duration> recent_;
    duration expected_{};
};

// Citizens ahead are served `open_counters` at a time, each taking the expected service time.
// With no counter open, as if one opened now: clients say that none is open rather than show
// this figure (docs/DOMAIN.md#estimates).
duration estimate_wait(std::size_t people_ahead, std::size_t open_counters, duration expected_service);

}  // namespace novbe::core
