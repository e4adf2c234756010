#pragma once
// Who a counter calls next: each service offers its best ticket, the counter's policy picks one.
#include "config.hpp"
#include "counter_state.hpp"
#include "service_queue.hpp"

#include <optional>
#include <vector>

namespace novbe::core {

std::optional<candidate> choose_next(centre_config const& config, counter_config const& counter,
                                     counter_state const& state, std::vector<service_queue> const& queues,
                                     time_point now);

}  // namespace novbe::core
