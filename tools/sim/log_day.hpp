#pragma once
// A simulated day written into a new centre log through the server's own writer
// (store::event_log), so that a real log of a known day can be replayed (`--log-to`, replay.hpp).
#include "simulation.hpp"

#include <string>

namespace novbe::sim {

// Runs `v` on the day as simulate() does and logs every event to a new file at `path` (an
// existing file is refused: nothing is overwritten); the run's figures. Throws replay_error.
result log_day(std::string const& path, day const& d, std::vector<citizen> const& citizens, variant const& v);

}  // namespace novbe::sim
