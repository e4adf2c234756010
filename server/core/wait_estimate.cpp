#include "wait_estimate.hpp"

#include <algorithm>
#include <vector>

namespace novbe::core {

void service_times::add(duration d) {
    recent_.push_back(d);
    if (recent_.size() > window_) recent_.pop_front();
    // A fifth of the window at each end is dropped once there are five or more: a service
    // closed by mistake in seconds, or left open over a break, does not count.
    std::vector<duration> sorted(recent_.begin(), recent_.end());
    std::sort(sorted.begin(), sorted.end());
    auto const trim = sorted.size() >= 5 ? sorted.size() / 5 : 0;
    duration sum = prior_ * static_cast<duration::rep>(prior_weight);
    for (auto i = trim; i < sorted.size() - trim; ++i) sum += sorted[i];
    auto const weight = prior_weight + sorted.size() - 2 * trim;
    expected_ = sum / static_cast<duration::rep>(weight);
}

duration estimate_wait(std::size_t people_ahead, std::size_t open_counters, duration expected_service) {
    auto counters = static_cast<duration::rep>(std::max<std::size_t>(open_counters, 1));
    return expected_service * static_cast<duration::rep>(people_ahead) / counters;
}

}  // namespace novbe::core
