#pragma once
// The `tickets` reporting table: one row per ticket, so that reports and CSV exports are plain
// SQL. The writer brings it up to date right after each durable batch (report_state says how
// far); a start-up re-projects whatever a crash left behind. Every write is an idempotent upsert.
#include "core/centre.hpp"
#include "database.hpp"

#include <string>

namespace novbe::store {

class ticket_report {
public:
    explicit ticket_report(database& db);

    // After `ev` has been applied to `c`: writes the rows it changed. `day_before`: the state's
    // day before `ev` (core::no_day if unknown: a new day then closes every earlier one).
    void record(core::event const& ev, core::centre const& c, core::day_number day_before);
    // The row of one ticket as it stands in `c`.
    void upsert(core::ticket const& t, core::centre const& c);
    // The day-wide changes: closing time, and a new day closing what earlier days left open.
    void close_waiting(core::day_number day, core::time_point at);
    void close_left_open(core::day_number day_before, core::day_number new_day);

private:
    statement upsert_;
    statement close_waiting_;    // closing time: today's waiting rows
    statement close_left_open_;  // a new day: anything from earlier days still open
};

// The ticket an event is about, if it is about one.
std::optional<core::ticket_ordinal> ticket_of(core::event const& ev);
// The ticket whose report row an event changes, in the state `after` it: the event's own, or
// the one at a counter taken over (its clerk column becomes the taker's).
std::optional<core::ticket_ordinal> ticket_changed(core::event const& ev, core::centre const& after);

}  // namespace novbe::store
