#pragma once
// History across days and centres (docs/CENTRAL.md#history): per centre, day and service, the
// day's tickets as the central `tickets` projection has them, as CSV. Runs on a worker thread
// with a connection of its own, never on the live reader's.
#include <optional>
#include <string>
#include <vector>

namespace novbe::central {

struct history_request {
    std::string from, to;              // YYYY-MM-DD, both included; at most max_days apart
    std::vector<std::string> centres;  // empty: every centre (a national user); a regional user's are never empty
};

inline constexpr int max_history_days = 400;
inline constexpr int max_history_rows = 50000;

// Nothing if `text` is not a date YYYY-MM-DD.
std::optional<std::string> valid_date(std::string const& text);

// The CSV (header first); throws pqxx's errors, or std::invalid_argument for a range it refuses.
std::string history_csv(std::string const& connection, history_request const& r);

}  // namespace novbe::central
