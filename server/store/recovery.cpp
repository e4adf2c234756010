#include "recovery.hpp"

#include "codec.hpp"
#include "schema.hpp"

namespace novbe::store {

namespace {

core::centre from_snapshot(database& db, core::centre_config const& config, std::uint64_t& sequence) {
    statement newest(db, "SELECT seq, body FROM snapshots ORDER BY seq DESC LIMIT 1");
    if (!newest.step()) return core::centre(config);
    sequence = static_cast<std::uint64_t>(newest.column_int(0));
    auto where = db.path() + ": the snapshot at sequence " + std::to_string(sequence);
    try {
        auto image = decode_snapshot(newest.column_blob(1), config);
        auto c = core::centre::from_image(config, std::move(image));
        if (!c) throw codec_error("its tickets and counters do not fit the configuration");
        return std::move(*c);
    } catch (codec_error const& e) {
        throw store_error(where + " cannot be used: " + e.what());
    }
}

}  // namespace

recovered recover(database& db, core::centre_config const& config) {
    std::uint64_t snapshot = 0;
    recovered r{.centre = from_snapshot(db, config, snapshot), .snapshot_sequence = snapshot};
    r.last_sequence = snapshot;

    statement events(db, "SELECT seq, body FROM events WHERE seq > ?1 ORDER BY seq");
    events.bind(1, static_cast<std::int64_t>(snapshot));
    while (events.step()) {
        auto seq = static_cast<std::uint64_t>(events.column_int(0));
        if (seq != r.last_sequence + 1)
            throw store_error(db.path() + ": the event log has a gap: sequence " + std::to_string(r.last_sequence + 1) +
                              " is missing before " + std::to_string(seq));
        core::event ev;
        try {
            ev = decode_event(events.column_blob(1), config);
        } catch (codec_error const& e) {
            throw store_error(db.path() + ": the event at sequence " + std::to_string(seq) + " cannot be read: " + e.what());
        }
        if (!r.centre.can_apply(ev))
            throw store_error(db.path() + ": the event at sequence " + std::to_string(seq) +
                              " does not fit the state before it: the log is damaged");
        r.centre.apply(ev);
        r.last_sequence = seq;
        ++r.replayed;
    }
    if (snapshot > 0 && db.query_int("SELECT count(*) FROM events WHERE seq = " + std::to_string(snapshot)) == 0)
        throw store_error(db.path() + ": the snapshot at sequence " + std::to_string(snapshot) +
                          " has no event at that sequence: the log is damaged");
    return r;
}

}  // namespace novbe::store
