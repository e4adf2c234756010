#pragma once
// Start-up: the newest snapshot, then every event after it, checked for gaps and fit.
#include "core/centre.hpp"
#include "database.hpp"

#include <cstdint>
#include <functional>
#include <optional>

namespace novbe::store {

struct recovered {
    core::centre centre;
    std::uint64_t last_sequence = 0;  // of the last event in the log; 0 for an empty log
    std::uint64_t snapshot_sequence = 0;
    std::uint64_t replayed = 0;       // events applied after the snapshot
};

// Throws store_error naming the file and the first problem: a gap, an undecodable event, an
// event or snapshot that does not fit the configuration.
// `replayed` sees each event applied after the snapshot, with the centre just after it and who
// made it happen (the actor logged beside it); only
// snapshots up to `newest_snapshot` are used, so that every later event passes through it.
// `replay_from`: the caller wants every event after it replayed as well (the resume window), so
// the newest snapshot at or before it is used; if none is kept that old, the oldest snapshot up
// to `newest_snapshot` (a shorter window rather than a replay of the whole log).
// `booking`: the centre's booking rules (unset: nothing bookable), given to the centre rebuilt.
recovered recover(database& db, core::centre_config const& config, std::uint64_t newest_snapshot,
                  std::function<void(std::uint64_t, core::event const&, core::centre const&, core::actor const&)> const& replayed = {},
                  std::uint64_t replay_from = UINT64_MAX, std::optional<core::booking_config> const& booking = std::nullopt);

}  // namespace novbe::store
