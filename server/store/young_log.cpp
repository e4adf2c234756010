// The set-up into a young log (docs/SETUP.md#one-source-of-truth): until a log holds the centre's
// services and counters as events, a start would take them from the file, and a file that drops
// one the log's tickets name would no longer start. So the first start writes them, as the
// events an admin's AddService and AddCounter write (`by` config), and a snapshot after them:
// every later start recovers from that snapshot or a newer one, never from the file's services.
#include "codec.hpp"
#include "event_log.hpp"

namespace novbe::store {

namespace {

std::int64_t const service_kind = static_cast<std::int64_t>(core::event(std::in_place_type<core::service_set>).index());  // the events table's kind
std::int64_t const counter_kind = static_cast<std::int64_t>(core::event(std::in_place_type<core::counter_set>).index());

}  // namespace

void event_log::seed_set_up(core::time_point at) {
    if (db_.query_int("SELECT count(*) FROM events WHERE kind IN (" + std::to_string(service_kind) + ", " +
                      std::to_string(counter_kind) + ")") > 0)
        return;  // the log holds its set-up already
    std::vector<core::event> events;
    auto const config = shadow_.config();  // the file's, or an older snapshot's (from the file)
    for (auto const& s : config.services) events.push_back(core::service_set{s, "config", at});
    for (auto const& c : config.counters) events.push_back(core::counter_set{c, "config", at});
    if (events.empty()) return;
    core::actor const by{core::actor_role::server, "config"};  // as dispatcher::apply_setup logs the file's commands
    transaction tx(db_);
    auto sequence = durable_.load();
    std::uint64_t written = 0;
    for (auto const& ev : events) {
        // One the log could not hold (nothing a loaded file gives) stays the file's, as before.
        if (!shadow_.can_apply(ev)) continue;
        shadow_.apply(ev);
        ++written;
        auto const& rules = shadow_.config().rules;
        auto const day = shadow_.day() != core::no_day ? shadow_.day() : core::day_of(at, rules.utc_offset, rules.day_start);
        insert_event_->bind(1, static_cast<std::int64_t>(++sequence)).bind(2, day);
        insert_event_->bind(3, detail::ms(at)).bind(4, static_cast<std::int64_t>(ev.index()));
        auto const body = encode_event(ev, shadow_.config(), by);
        insert_event_->bind_blob_unowned(5, body).run();
    }
    // Reported up to here (set-up events make no report rows), so that recovery may use the snapshot.
    mark_reported_->bind(1, static_cast<std::int64_t>(sequence)).run();
    write_snapshot(sequence);
    tx.commit();
    seeded_ = written;
    next_sequence_ = sequence + 1;
    durable_.store(sequence);
}

}  // namespace novbe::store
