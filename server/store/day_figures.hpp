#pragma once
// The `service_days` table: each service's figures for each day exactly as the engine counted
// them (core::figures), so a history over a range is the sum of its days' rows. The writer keeps
// today's rows with each whole report and writes a day's last rows in the transaction that logs
// the next day's start, so a finished day's rows are durable with it. `staff_days` and
// `staff_pauses` keep the counters' and clerks' figures the same way (docs/DOMAIN.md#clerks-figures).
#include "core/centre.hpp"
#include "database.hpp"

#include <map>
#include <string>
#include <utility>

struct sqlite3_stmt;

namespace novbe::store {

// The columns every figures row has, in this order (service_days and staff_days).
inline constexpr char const* figure_columns =
    "issued, transferred_in, called, served, no_shows, transferred_out, cancelled, closed_unserved, within_target, "
    "wait_sum_ms, wait_max_ms, service_sum_ms, ratings, rated_1, rated_2, rated_3, rated_4, rated_5, estimates, "
    "estimate_error_sum_ms, walks, walk_sum_ms";
inline constexpr int figure_column_count = 22;

// Binds `f` to parameters first .. first + figure_column_count - 1.
void bind_figures(statement& s, int first, core::figures const& f);
// Reads the figure columns of the current row from column `first` on (pauses and idle time aside).
core::figures read_figures(sqlite3_stmt* s, int first);

enum class staff_kind : int { counter = 0, clerk = 1 };

class day_figures {
public:
    explicit day_figures(database& db);

    // Every service's, counter's and clerk's figures of `c`'s day, as they stand in `c`. A
    // counter's or clerk's row is written again only when its figures changed since the last
    // write of the same day, since a busy centre reports every few milliseconds.
    void write(core::centre const& c);

private:
    void write_staff(core::day_number day, staff_kind kind, std::string const& who, core::figures const& f);

    statement upsert_;
    statement upsert_staff_;
    statement forget_pauses_;
    statement add_pause_;
    core::day_number written_day_ = core::no_day;
    std::map<std::pair<staff_kind, std::string>, core::figures> written_;  // of written_day_
};

}  // namespace novbe::store
