#include "routing.hpp"

namespace novbe::core {

std::optional<candidate> choose_next(centre_config const& config, counter_config const& counter,
                                     counter_state const& state, std::vector<service_queue> const& queues,
                                     time_point now) {
    // At most K priority calls in a row (docs/DOMAIN.md#priority-streak); policies: docs/DOMAIN.md#routing.
    // k normal calls for each priority one: docs/DOMAIN.md#priority-ratio.
    bool const hold_priority = state.priority_streak >= config.rules.max_priority_streak || state.normals_owed > 0;
    std::optional<candidate> chosen;
    for (service_index s : counter.services) {
        auto offer = queues[s].best(now, config.services[s].max_wait, config.rules.appointment_early, hold_priority);
        if (!offer) continue;
        switch (counter.policy) {
        case routing_policy::strict_service_order: return offer;  // services are listed in the order to serve them
        case routing_policy::longest_wait_first:
            if (!chosen || *offer < *chosen) chosen = offer;  // best rank, then the longest wait
            break;
        }
    }
    return chosen;
}

}  // namespace novbe::core
