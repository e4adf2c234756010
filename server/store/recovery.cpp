#include "recovery.hpp"

#include "codec.hpp"
#include "schema.hpp"

#include <algorithm>

namespace novbe::store {

namespace {

// `sequence`: the newest one allowed on the way in, the one used (0: none) on the way out.
// If there is none that old, `fallback` (>= sequence) allows the oldest one up to it instead.
core::centre from_snapshot(database& db, core::centre_config const& config, std::uint64_t& sequence,
                           std::uint64_t fallback, std::optional<core::booking_config> const& booking, bool set_up_in_log) {
    statement newest(db, "SELECT seq, body FROM snapshots WHERE seq <= ?1 ORDER BY seq DESC LIMIT 1");
    newest.bind(1, static_cast<std::int64_t>(sequence));
    statement oldest(db, "SELECT seq, body FROM snapshots WHERE seq <= ?1 ORDER BY seq LIMIT 1");
    oldest.bind(1, static_cast<std::int64_t>(fallback));
    statement* row = &newest;
    bool found = newest.step();
    // A replay from the first event would start from the file's services and counters: not where
    // the log holds them (docs/SETUP.md#one-source-of-truth), whose snapshot is used then.
    if (!found && (sequence > 0 || set_up_in_log) && fallback > sequence) {
        row = &oldest;
        found = oldest.step();
    }
    if (!found) {
        sequence = 0;
        return core::centre(config, booking);
    }
    sequence = static_cast<std::uint64_t>(row->column_int(0));
    auto where = db.path() + ": the snapshot at sequence " + std::to_string(sequence);
    try {
        auto image = decode_snapshot(row->column_blob(1), config);
        auto c = core::centre::from_image(config, std::move(image), booking);
        if (!c) throw codec_error("its tickets and counters do not fit the configuration");
        return std::move(*c);
    } catch (codec_error const& e) {
        throw store_error(where + " cannot be used: " + e.what());
    }
}

}  // namespace

recovered recover(database& db, core::centre_config const& config, std::uint64_t newest_snapshot,
                  std::function<void(std::uint64_t, core::event const&, core::centre const&, core::actor const&)> const& replayed,
                  std::uint64_t replay_from, std::optional<core::booking_config> const& booking) {
    std::uint64_t snapshot = std::min(newest_snapshot, replay_from);
    auto const kinds = std::to_string(core::event(std::in_place_type<core::service_set>).index()) + ", " +
                       std::to_string(core::event(std::in_place_type<core::counter_set>).index());
    bool const set_up_in_log = snapshot == 0 && db.query_int("SELECT EXISTS (SELECT 1 FROM events WHERE kind IN (" + kinds + "))") != 0;
    recovered r{.centre = from_snapshot(db, config, snapshot, newest_snapshot, booking, set_up_in_log), .snapshot_sequence = snapshot};
    r.last_sequence = snapshot;

    // Through the centre's own set-up as replayed so far: a service or counter added at runtime
    // is known to the events after it (docs/SETUP.md).
    event_decoder decode(r.centre.config());
    statement events(db, "SELECT seq, body FROM events WHERE seq > ?1 ORDER BY seq");
    events.bind(1, static_cast<std::int64_t>(snapshot));
    while (events.step()) {
        auto seq = static_cast<std::uint64_t>(events.column_int(0));
        if (seq != r.last_sequence + 1)
            throw store_error(db.path() + ": the event log has a gap: sequence " + std::to_string(r.last_sequence + 1) +
                              " is missing before " + std::to_string(seq));
        core::event ev;
        try {
            ev = decode(events.column_blob(1));
        } catch (codec_error const& e) {
            throw store_error(db.path() + ": the event at sequence " + std::to_string(seq) + " cannot be read: " + e.what());
        }
        if (!r.centre.can_apply(ev))
            throw store_error(db.path() + ": the event at sequence " + std::to_string(seq) +
                              " does not fit the state before it: the log is damaged");
        r.centre.apply(ev);
        if (replayed) replayed(seq, ev, r.centre, decode.actor());
        r.last_sequence = seq;
        ++r.replayed;
    }
    if (snapshot > 0 && db.query_int("SELECT count(*) FROM events WHERE seq = " + std::to_string(snapshot)) == 0)
        throw store_error(db.path() + ": the snapshot at sequence " + std::to_string(snapshot) +
                          " has no event at that sequence: the log is damaged");
    return r;
}

}  // namespace novbe::store
