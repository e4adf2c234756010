#pragma once
// The day's figures, kept up to date by apply() so that reading them costs nothing.
#include "config.hpp"
#include "time.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace novbe::core {

// Figures for one service, counter or clerk. A wait is counted when a stay in a line ends in a
// call; a service time when a service is completed.
inline constexpr std::size_t max_pause_reasons = 16;    // per counter or clerk and day, "other" included
inline constexpr std::string_view other_pause_reason = "other";

struct figures {
    std::uint32_t issued = 0;           // services only
    std::uint32_t transferred_in = 0;   // services only
    std::uint32_t called = 0;           // waits counted
    std::uint32_t served = 0;
    std::uint32_t no_shows = 0;
    std::uint32_t transferred_out = 0;
    std::uint32_t cancelled = 0;        // services only
    std::uint32_t closed_unserved = 0;  // services only
    std::uint32_t within_target = 0;    // calls whose wait was within the service's target
    duration wait_sum{};
    duration wait_max{};
    duration service_sum{};  // over served tickets
    std::uint32_t ratings = 0;
    std::array<std::uint32_t, 5> rating_counts{};  // how many 1s, 2s, ... 5s
    std::uint32_t estimates = 0;       // first calls whose wait had been estimated at issue
    duration estimate_error_sum{};     // sum of |actual - estimated| over those
    // Clerks' figures (docs/DOMAIN.md#clerks-figures): walks count for services too; pauses and
    // idle time for counters and clerks only.
    std::uint32_t walks = 0;                          // calls followed by a start at the counter
    duration walk_sum{};                              // from the call to the start, over those
    duration idle_waiting{};                          // free and open while its lines had tickets waiting
    std::map<std::string, duration> pause_by_reason;  // time paused, by the reason given

    duration average_walk() const { return walks ? walk_sum / walks : duration{}; }

    duration average_wait() const { return called ? wait_sum / called : duration{}; }
    duration average_service() const { return served ? service_sum / served : duration{}; }
    double within_target_share() const { return called ? double(within_target) / called : 0.0; }
    double average_rating() const;
    duration average_estimate_error() const { return estimates ? estimate_error_sum / estimates : duration{}; }
    bool operator==(figures const&) const = default;
    // A range's figures are the sum of its days' (its longest wait, the longest of theirs).
    figures& operator+=(figures const& o);
};

// A range's sum may hold more reasons than a day: the longest max_pause_reasons - 1 stay apart,
// the rest are summed as "other" (docs/DOMAIN.md#clerks-figures).
figures fold_pause_reasons(figures f);

struct day_statistics {
    std::vector<figures> by_service;  // indexed by service_index
    std::map<counter_number, figures> by_counter;
    std::map<std::string, figures> by_clerk;
    bool operator==(day_statistics const&) const = default;
};

}  // namespace novbe::core
