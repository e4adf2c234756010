#pragma once
// A real day from a centre's log (the server's SQLite file, opened read-only) as a simulated
// day: the set-up as the log held it at the day's start, each ticket as a citizen, each
// counter's plan from its events, and the day's waits as the engine counted them
// (tools/sim/README.md#replaying-a-real-day). The log is read through server/store's codecs.
#include "citizens.hpp"
#include "simulation.hpp"

#include "core/centre.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace novbe::sim {

// Not a Novbe file, no such day, a day with no tickets, a damaged log: the message says which.
class replay_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct replayed_day {
    day d;                           // services, counters (those that opened), plans, walk and no-show times
    std::vector<citizen> citizens;   // in issue order
    result as_happened;              // the day's visits as the engine counted them
};

// "YYYY-MM-DD" as the log's day number (the centre's local day); throws replay_error.
core::day_number parse_day(std::string const& text);

// Reads `day` from the log at `path`; throws replay_error.
replayed_day replay_day(std::string const& path, core::day_number day);

// The same from the centre at the day's start (its config()) and at its end, and the day's
// events in order (replay.cpp reads them from the log; the tests may hand them in too).
replayed_day day_of_log(core::centre_config const& at_start, core::centre const& at_end,
                        std::vector<core::event> const& events);

}  // namespace novbe::sim
