#pragma once
// The `service_days` table: each service's figures for each day exactly as the engine counted
// them (core::figures), so a history over a range is the sum of its days' rows. The writer keeps
// today's rows with each whole report and writes a day's last rows in the transaction that logs
// the next day's start, so a finished day's rows are durable with it.
#include "core/centre.hpp"
#include "database.hpp"

namespace novbe::store {

class day_figures {
public:
    explicit day_figures(database& db);

    // Every service's figures of `c`'s day, as they stand in `c`.
    void write(core::centre const& c);

private:
    statement upsert_;
};

}  // namespace novbe::store
