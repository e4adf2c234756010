#pragma once
// The `tickets` reporting table, kept in step with the log inside the same transaction, so that
// reports and CSV exports are plain SQL over rows that are exactly as durable as the events.
#include "core/centre.hpp"
#include "database.hpp"

#include <string>

namespace novbe::store {

class ticket_report {
public:
    explicit ticket_report(database& db);

    // After `ev` has been applied to `c`: writes the rows it changed.
    void record(core::event const& ev, core::centre const& c);

private:
    void upsert(core::ticket const& t, core::centre const& c);

    statement upsert_;
    statement close_waiting_;    // closing time: today's waiting rows
    statement close_left_open_;  // a new day: anything from earlier days still open
};

// "2026-11-28" for a centre day number.
std::string date_of(core::day_number day);

}  // namespace novbe::store
