#include "wait_estimate.hpp"

#include <algorithm>

namespace novbe::core {

void service_times::add(duration d) {
    recent_.push_back(d);
    sum_ += d;
    if (recent_.size() > window_) {
        sum_ -= recent_.front();
        recent_.pop_front();
    }
}

duration service_times::average() const {
    if (recent_.empty()) return fallback_;
    return sum_ / static_cast<duration::rep>(recent_.size());
}

duration estimate_wait(std::size_t people_ahead, std::size_t open_counters, duration average_service) {
    auto counters = static_cast<duration::rep>(std::max<std::size_t>(open_counters, 1));
    return average_service * static_cast<duration::rep>(people_ahead) / counters;
}

}  // namespace novbe::core
