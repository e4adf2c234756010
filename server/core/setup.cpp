// The centre's services and counters changed at runtime (docs/SETUP.md#services-and-counters-at-runtime):
// what apply() does with service_set and counter_set, and the caches that follow them.
#include "centre.hpp"

#include <algorithm>

namespace novbe::core {

void centre::derive_counters() {
    auto const services = config_.services.size();
    counter_by_number_.clear();
    counters_serving_.assign(services, {});
    for (std::size_t i = 0; i < config_.counters.size(); ++i) {
        counter_by_number_.emplace_back(config_.counters[i].number, i);
        if (config_.counters[i].retired) continue;  // serves nobody any more
        for (auto s : config_.counters[i].services)
            if (s < services) counters_serving_[s].push_back(i);
    }
    std::sort(counter_by_number_.begin(), counter_by_number_.end());
}

// A new service gets an empty line, figures and the prior of its service time; a changed one
// keeps all of them (its id and prefix never change, so its tickets stay its own).
void centre::set_service(service_config const& s) {
    if (auto known = config_.find_service(s.id)) {
        config_.services[*known] = s;
    } else {
        config_.services.push_back(s);
        numbers_.emplace_back();
        queues_.emplace_back();
        paces_.emplace_back();
        service_times_.emplace_back(config_.rules.service_time_window, s.default_service_time);
        statistics_.by_service.emplace_back();
        alerts_.emplace_back();
    }
    derive_counters();
    bookings_.follow(config_);
}

void centre::set_counter(counter_config const& c) {
    auto it = std::find_if(config_.counters.begin(), config_.counters.end(),
                           [&](auto const& known) { return known.number == c.number; });
    if (it != config_.counters.end()) {
        *it = c;
    } else {
        config_.counters.push_back(c);
        counters_.push_back(counter_state{.number = c.number});
    }
    derive_counters();
    bookings_.follow(config_);
}

}  // namespace novbe::core
