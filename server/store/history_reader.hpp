#pragma once
// The centre's history for its dashboard: the `service_days` rows of a range of days and the
// range's sums of `staff_days` (day_figures.hpp), read on a read-only connection of its own, so the writer's commits never
// wait for it (WAL) and it never sees a commit half made. Bounded in days, rows and time. One
// thread at a time (the server's history thread).
#include "core/statistics.hpp"
#include "core/time.hpp"

#include <map>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace novbe::store {

struct service_day {
    core::day_number day = 0;
    std::string service;  // its id
    core::figures figures;
};

// What the log holds of a range of days.
struct stored_range {
    std::vector<service_day> days;  // by day, then service
    // Summed over the range's days (the longest wait the longest of theirs), pauses by reason.
    std::map<core::counter_number, core::figures> by_counter;
    std::map<std::string, core::figures> by_clerk;
};

class history_reader {
public:
    static constexpr int max_days = 366;  // a year, leap or not
    // A row per day per service: 256 services a day (retired ones included), else an error.
    static constexpr std::size_t max_rows = max_days * 256;
    static constexpr int max_milliseconds = 500;

    explicit history_reader(std::string path);  // throws store_error if it cannot open the file
    ~history_reader();
    history_reader(history_reader const&) = delete;
    history_reader& operator=(history_reader const&) = delete;

    // The rows of days `from` to `to` (both included), by day then service, and the counters'
    // and clerks' sums over them, in one read transaction. Throws std::runtime_error naming the
    // file if SQLite fails, the read passes its time or the range holds more than max_rows
    // service rows or max_staff staff rows (never a part of them).
    stored_range read(core::day_number from, core::day_number to);

    // Counters and clerks that worked in a range: 9,999 counters, as many clerks, and a reason
    // row of each for every one (pauses: at most 16 reasons a day each, summed over the range).
    static constexpr std::size_t max_staff = 2 * 9999;
    static constexpr std::size_t max_pause_rows = 16 * max_staff;

private:
    template <class Row>
    void each_row(sqlite3_stmt* s, core::day_number from, core::day_number to, std::size_t most, char const* what, Row row);

    std::string path_;
    sqlite3* db_ = nullptr;
    sqlite3_stmt* select_ = nullptr;
    sqlite3_stmt* staff_ = nullptr;
    sqlite3_stmt* pauses_ = nullptr;
};

}  // namespace novbe::store
