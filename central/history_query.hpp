#pragma once
// History across days and centres (docs/CENTRAL.md#history): the central `service_days` (each
// service's day as the centre's engine counts it, as the centre's own history does) summed per
// centre, per service or per agency and day, as CSV, with the range's totals per day for the
// page's charts. Runs on a worker thread with a connection of its own, never the live reader's.
#include <optional>
#include <string>
#include <vector>

namespace novbe::central {

enum class history_grouping { centre, service, agency };

struct history_request {
    std::string from, to;              // YYYY-MM-DD, both included; at most max_days apart
    std::vector<std::string> centres;  // empty: every centre (a national user); a regional user's are never empty
    history_grouping by = history_grouping::service;
};

// One day of the range over every row (the chart's bars): tickets issued, calls, calls within target.
struct history_day {
    std::string day;
    long long issued = 0, called = 0, within_target = 0;
};

struct history_answer {
    std::string csv;               // header first
    std::vector<history_day> days; // the days with figures, in order
};

inline constexpr int max_history_days = 400;
inline constexpr int max_history_rows = 50000;

// Nothing if `text` is not a date YYYY-MM-DD.
std::optional<std::string> valid_date(std::string const& text);
// Nothing if `text` is not "centre", "service" or "agency".
std::optional<history_grouping> grouping_named(std::string const& text);

// Throws pqxx's errors, or std::invalid_argument for a range it refuses.
history_answer history(std::string const& connection, history_request const& r);

}  // namespace novbe::central
