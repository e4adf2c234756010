#pragma once
// The centre's history for its dashboard: the `service_days` rows of a range of days
// (day_figures.hpp), read on a read-only connection of its own, so the writer's commits never
// wait for it (WAL) and it never sees a commit half made. Bounded in days, rows and time. One
// thread at a time (the server's history thread).
#include "core/statistics.hpp"
#include "core/time.hpp"

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

    // The rows of days `from` to `to` (both included), by day then service. Throws
    // std::runtime_error naming the file if SQLite fails, the read passes its time or the range
    // holds more than max_rows rows (never a part of them).
    std::vector<service_day> read(core::day_number from, core::day_number to);

private:
    std::string path_;
    sqlite3* db_ = nullptr;
    sqlite3_stmt* select_ = nullptr;
};

}  // namespace novbe::store
