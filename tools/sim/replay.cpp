// Reading one day out of a centre's log (replay.hpp): the state before it from a snapshot or
// from the log's start, then the day's events through the engine, as recovery does
// (server/store/recovery.cpp), but stopping at the day's end and never writing the file.
#include "replay.hpp"

#include "store/codec.hpp"
#include "store/database.hpp"
#include "store/schema.hpp"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace novbe::sim {
namespace {

std::string date_text(core::day_number day) {
    std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day))};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

// The set-up a snapshot holds (docs/SETUP.md#services-and-counters-at-runtime), as a configuration.
core::centre_config setup_of(core::centre_image const& image) {
    core::centre_config config;
    config.services = image.services;
    config.counters = image.counters_set_up;
    return config;
}

// The centre just after the snapshot taken before `first` (the day's first event), and that
// snapshot's sequence; with none so old, an empty centre with the oldest snapshot's set-up (the
// set-up only grows: services and counters are retired, never removed) and sequence 0.
std::pair<core::centre, std::uint64_t> state_before(store::database& db, std::int64_t first) {
    auto const& path = db.path();
    store::statement before(db, "SELECT seq, body FROM snapshots WHERE seq < ?1 ORDER BY seq DESC LIMIT 1");
    before.bind(1, first);
    store::statement oldest(db, "SELECT seq, body FROM snapshots ORDER BY seq LIMIT 1");
    bool from_before = before.step();
    auto& row = from_before ? before : oldest;
    if (!from_before && !oldest.step())
        throw replay_error(path + ": the log holds no snapshot yet, so not the centre's set-up (a clean stop of the server writes one)");
    auto seq = static_cast<std::uint64_t>(row.column_int(0));
    try {
        auto image = store::decode_snapshot(row.column_blob(1), {});
        if (image.services.empty())
            throw replay_error(path + ": the snapshot at sequence " + std::to_string(seq) +
                               " is older than the set-up in snapshots; this log cannot be replayed");
        auto config = setup_of(image);
        if (!from_before) return {core::centre(config), 0};
        auto c = core::centre::from_image(config, std::move(image));
        if (!c) throw store::codec_error("its tickets and counters do not fit its set-up");
        return {std::move(*c), seq};
    } catch (store::codec_error const& e) {
        throw replay_error(path + ": the snapshot at sequence " + std::to_string(seq) + " cannot be read: " + e.what());
    }
}

}  // namespace

core::day_number parse_day(std::string const& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    auto number = [&](std::size_t from, std::size_t n, auto& out) {
        auto const* begin = text.data() + from;
        auto [end, ec] = std::from_chars(begin, begin + n, out);
        return ec == std::errc() && end == begin + n;
    };
    bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' && number(0, 4, y) && number(5, 2, m) && number(8, 2, d);
    std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
    if (!shaped || !ymd.ok()) throw replay_error("'" + text + "' is not a day: YYYY-MM-DD");
    return static_cast<core::day_number>(std::chrono::sys_days(ymd).time_since_epoch().count());
}

replayed_day replay_day(std::string const& path, core::day_number day) {
    if (!std::filesystem::is_regular_file(path)) throw replay_error(path + ": no such file");
    std::optional<store::database> db;
    try {
        db.emplace(path, false, true);  // read-only: the server's file is never written
        if (db->query_int("PRAGMA application_id") != store::novbe_application_id)
            throw replay_error(path + ": not a Novbe file (another program's database)");
        if (db->query_int("PRAGMA user_version") > store::current_schema_version)
            throw replay_error(path + ": written by a newer Novbe (schema " +
                               std::to_string(db->query_int("PRAGMA user_version")) + ")");
    } catch (store::sqlite_error const& e) {
        throw replay_error(path + ": not a Novbe file (" + e.what() + ")");
    }
    store::statement range(*db, "SELECT min(seq), max(seq) FROM events WHERE day = ?1");
    range.bind(1, day);
    if (!range.step() || range.column_is_null(0)) {
        auto first = db->query_int("SELECT min(day) FROM events"), last = db->query_int("SELECT max(day) FROM events");
        throw replay_error(path + ": no events on " + date_text(day) +
                           (db->query_int("SELECT count(*) FROM events") == 0
                                ? std::string("; the log is empty")
                                : "; the log holds " + date_text(static_cast<core::day_number>(first)) + " to " +
                                      date_text(static_cast<core::day_number>(last))));
    }
    auto first = range.column_int(0), last = range.column_int(1);
    auto [centre, snapshot] = state_before(*db, first);

    // Through the centre as replayed so far: a service set up at runtime is known to the events after it.
    store::event_decoder decode(centre.config());
    std::optional<core::centre_config> at_start;
    std::vector<core::event> today;
    store::statement events(*db, "SELECT seq, body FROM events WHERE seq > ?1 AND seq <= ?2 ORDER BY seq");
    events.bind(1, static_cast<std::int64_t>(snapshot)).bind(2, last);
    auto expected = static_cast<std::int64_t>(snapshot) + 1;
    while (events.step()) {
        auto seq = events.column_int(0);
        auto where = path + ": the event at sequence " + std::to_string(seq);
        if (seq != expected) throw replay_error(path + ": the event log has a gap before sequence " + std::to_string(seq));
        ++expected;
        core::event ev;
        try {
            ev = decode(events.column_blob(1));
        } catch (store::codec_error const& e) {
            throw replay_error(where + " cannot be read: " + e.what());
        }
        // Bookings need the file's [booking] rules, which the log does not hold; their tickets
        // are issued by ticket_issued all the same (as appointments, replayed as normal tickets).
        if (core::as_booking(ev)) continue;
        if (!centre.can_apply(ev)) throw replay_error(where + " does not fit the state before it: the log is damaged");
        if (seq == first) at_start = centre.config();
        centre.apply(ev);
        if (seq >= first) today.push_back(std::move(ev));
    }
    if (!at_start) at_start = centre.config();  // the day's first event was a booking's
    auto out = day_of_log(*at_start, centre, today);
    if (out.citizens.empty()) throw replay_error(path + ": " + date_text(day) + " has no tickets");
    return out;
}

}  // namespace novbe::sim
