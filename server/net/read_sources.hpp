#pragma once
// What two reads need beyond the engine's state (command_handlers.hpp): the log's history, read
// on a connection of its own (store/history_reader.hpp), and the forwarder's state
// (docs/CENTRAL.md#lag). The server sets them; unit tests may put fakes in their place.
#include "novbe.pb.h"
#include "store/history_reader.hpp"

#include <functional>
#include <vector>

namespace novbe::net {

struct read_sources {
    // What the log holds of days `from` to `to`; throws std::runtime_error naming the problem.
    std::function<store::stored_range(core::day_number from, core::day_number to)> history;
    std::function<v1::Forwarding()> forwarding;  // unset: no [central]
};

}  // namespace novbe::net
