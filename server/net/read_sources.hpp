#pragma once
// What three reads need beyond the engine's state (command_handlers.hpp): the log's history, read
// on a connection of its own (store/history_reader.hpp), the forwarder's state
// (docs/CENTRAL.md#lag), and the server's own judgement of a configuration file
// (docs/SETUP.md#check-config-against-the-running-server). The server sets them; unit tests may
// put fakes in their place.
#include "novbe.pb.h"
#include "store/history_reader.hpp"

#include <functional>
#include <string>
#include <vector>

namespace novbe::net {

struct read_sources {
    // What the log holds of days `from` to `to`; throws std::runtime_error naming the problem.
    std::function<store::stored_range(core::day_number from, core::day_number to)> history;
    std::function<v1::Forwarding()> forwarding;  // unset: no [central]
    // CheckConfig: the file's text against the start-time settings and the calendar last read,
    // by SIGHUP's own planners; applies nothing. Unset: CheckConfig is refused UNAVAILABLE.
    std::function<v1::ConfigCheck(std::string const& toml)> check_config;
};

}  // namespace novbe::net
