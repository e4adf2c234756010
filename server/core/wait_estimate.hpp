#pragma once
// Estimated waits: place in line, counters serving the line, and recent service times.
#include "time.hpp"

#include <cstddef>
#include <deque>

namespace novbe::core {

// The moving average of a service's last N service times (start to completion).
class service_times {
public:
    service_times() = default;
    service_times(std::size_t window, duration fallback) : window_(window), fallback_(fallback) {}

    void add(duration d);
    std::deque<duration> const& recent() const { return recent_; }  // oldest first
    // The average of the recent services, or the configured default before any is known.
    duration average() const;
    bool operator==(service_times const&) const = default;

private:
    std::size_t window_ = 1;
    duration fallback_{};
    std::deque<duration> recent_;
    duration sum_{};
};

// docs/DOMAIN.md#estimates
// Citizens ahead are served `open_counters` at a time, each taking the average service time.
// With no counter open yet, one is assumed: the centre is about to open, not closed for ever.
duration estimate_wait(std::size_t people_ahead, std::size_t open_counters, duration average_service);

}  // namespace novbe::core
