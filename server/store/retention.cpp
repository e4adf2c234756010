#include "retention.hpp"

#include "codec.hpp"
#include "core/booking_config.hpp"
#include "stored.pb.h"

namespace novbe::store {

namespace {

// Bookings whose slot is over a day before `before_day` (the slot's UTC day: the centre's own
// day is at most a day off) lose reference, phone and token from their BookingMade, marked
// erased. Such a booking has ended (its window closed long before). It may have been made up to
// max_days_ahead days before its slot, so events back to then are looked at again each time.
void erase_bookings(database& db, std::int64_t from, core::day_number before_day) {
    statement select(db, "SELECT seq, body FROM events WHERE day >= ?1 AND day < ?2 AND kind = ?3");
    statement update(db, "UPDATE events SET body = ?2 WHERE seq = ?1");
    select.bind(1, from - core::max_days_ahead - 1).bind(2, before_day).bind(3, kind_of<core::booking_made>);
    auto const until_ms = (static_cast<std::int64_t>(before_day) - 1) * 86'400'000;
    while (select.step()) {
        v1::StoredEvent ev;
        auto body = select.column_blob(1);
        if (!ev.ParseFromArray(body.data(), static_cast<int>(body.size())) || !ev.has_booking_made()) continue;
        auto& made = *ev.mutable_booking_made();
        if (made.erased() || made.slot_ms() >= until_ms) continue;
        made.clear_reference();
        made.clear_phone();
        made.clear_token_hi();
        made.clear_token_lo();
        made.set_erased(true);
        update.bind(1, select.column_int(0)).bind_blob(2, ev.SerializeAsString()).run();
    }
}

}  // namespace

void erase_personal_data(database& db, core::day_number before_day) {
    auto const from = db.query_int("SELECT erased_before_day FROM retention");
    if (before_day <= from) return;

    statement tickets(db, "UPDATE tickets SET language = NULL, outcome = NULL WHERE day >= ?1 AND day < ?2");
    tickets.bind(1, from).bind(2, before_day).run();

    // Events are rewritten as protobuf, not through the engine's types: an old event may name a
    // service that today's configuration no longer has, and retention must not fail on it.
    statement select(db, "SELECT seq, body FROM events WHERE day >= ?1 AND day < ?2 AND kind IN (?3, ?4)");
    statement update(db, "UPDATE events SET body = ?2 WHERE seq = ?1");
    select.bind(1, from).bind(2, before_day).bind(3, kind_of<core::ticket_issued>).bind(4, kind_of<core::service_completed>);
    while (select.step()) {
        v1::StoredEvent ev;
        auto body = select.column_blob(1);
        if (!ev.ParseFromArray(body.data(), static_cast<int>(body.size()))) continue;  // recovery reports it
        if (ev.has_ticket_issued()) {
            auto& issued = *ev.mutable_ticket_issued();
            issued.clear_token_hi();
            issued.clear_token_lo();
            issued.clear_language();
        }
        if (ev.has_service_completed()) ev.mutable_service_completed()->clear_outcome();
        update.bind(1, select.column_int(0)).bind_blob(2, ev.SerializeAsString()).run();
    }
    select.reset();
    erase_bookings(db, from, before_day);

    statement snapshots(db, "DELETE FROM snapshots WHERE day < ?1 AND seq < (SELECT max(seq) FROM snapshots)");
    snapshots.bind(1, before_day).run();
    statement mark(db, "UPDATE retention SET erased_before_day = ?1");
    mark.bind(1, before_day).run();
}

}  // namespace novbe::store
