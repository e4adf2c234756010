#pragma once
// Estimated waits: place in line, counters serving the line, and a steady service time.
#include "time.hpp"

#include <cstddef>
#include <deque>
#include <utility>
#include <vector>

namespace novbe::core {

// docs/DOMAIN.md#estimates
// A service's expected service time: the configured one (the prior, worth `prior_weight`
// services) blended with the trimmed mean of its last N service times (start to completion), so
// that one very short or very long service moves it a little, never all the way. The recent
// times are kept whole, oldest first, so that a range can later be read from the same window.
class service_times {
public:
    static constexpr std::size_t prior_weight = 5;

    service_times() = default;
    service_times(std::size_t window, duration prior) : window_(window), prior_(prior), expected_(prior) {}

    void add(duration d);
    std::deque<duration> const& recent() const { return recent_; }  // oldest first
    duration prior() const { return prior_; }
    // The blend of the prior and the recent services; the prior alone before any is known.
    duration expected() const { return expected_; }
    bool operator==(service_times const&) const = default;

private:
    std::size_t window_ = 1;
    duration prior_{};
    std::deque<duration> recent_;
    duration expected_{};
};

// Citizens ahead are served `open_counters` at a time, each taking the expected service time.
// With no counter open, as if one opened now: clients say that none is open rather than show
// this figure (docs/DOMAIN.md#estimates).
duration estimate_wait(std::size_t people_ahead, std::size_t open_counters, duration expected_service);

// The engine's fixed numbers for ranges (docs/DOMAIN.md#estimates).
inline constexpr std::size_t stay_window = 20;   // a line's last stays at counters
inline constexpr std::size_t ratio_window = 40;  // a line's last first calls judged against the middle told
inline constexpr std::size_t ratio_minimum = 8;  // judged calls before their spread is used
inline constexpr duration priority_window = std::chrono::minutes(30);  // recent priority arrivals
inline constexpr duration arrival_window = std::chrono::minutes(30);   // recent normal arrivals (breach_forecast.hpp)
inline constexpr duration expected_pause = std::chrono::minutes(20);   // a break, from its start

// What today's tickets say of one line's pace. Derived: apply() keeps it, and a centre read from a
// snapshot rebuilds it from the day's tickets, so it is never stored.
struct line_pace {
    std::deque<duration> overheads;        // of each stay at a counter, the time not in service, oldest first
    std::deque<time_point> priority_issued;  // within priority_window of the newest
    std::deque<time_point> normal_issued;    // within arrival_window of the newest
    std::deque<double> ratios;             // actual wait / middle told, first calls told 1 min or more

    // A stay from its call to leaving the counter, of which `served` in service (0 for a no-show).
    void add_stay(duration stay, duration served);
    void add_priority(time_point at);
    void add_normal(time_point at);
    void add_call(duration actual, duration told);
    std::size_t priority_since(time_point since) const;
    std::size_t normal_since(time_point since) const;
    // The same pace: the same figures, whatever the order of facts of the same millisecond.
    bool operator==(line_pace const& o) const;
};

// A counter's time per ticket of a line: the expected service time and the mean time of today's
// last stays that was not service (the walk to the counter, the wait for a no-show).
duration expected_stay(duration expected_service, std::deque<duration> const& overheads);

// What one estimate reads of its line now.
struct line_now {
    std::size_t people_ahead = 0;
    std::size_t open_counters = 0;  // serving the line now: open or serving
    std::size_t idle_counters = 0;  // of those, open with nobody called to them
    // The stays of the tickets ahead, with the other lines' that the same counters take first.
    duration work_ahead{};
    std::vector<duration> paused_for;  // how long each paused counter serving the line has been
    // The counters' plan (docs/DOMAIN.md#the-counters-plan): for each paused counter whose pause
    // is a planned break, the time until it is back; for each break ahead, the span after now
    // (from, to) in which one counter serving the line is away.
    std::vector<duration> back_in;
    std::vector<std::pair<duration, duration>> breaks_ahead;
    // Counters' worth of time that priority tickets arriving meanwhile take first (for a normal
    // ticket): recent arrivals per ms x their stays, a share of each line's.
    double priority_load = 0;
};

// A wait told as a range: the middle figure and around it the 10th to 90th percentile, in
// whole minutes (low down, high up), as a citizen reads it.
struct wait_range {
    duration low{}, middle{}, high{};
    bool operator==(wait_range const&) const = default;
};

// What a range reads of a line that is the same for every place in it: the moments counters
// come and go (ms after now, the change in counters serving), in order, and the spread of the
// middle figures told lately (`ratios`: actual / told, any order; fewer than ratio_minimum: a
// default spread). Read once, it serves every waiting ticket's estimate at that moment.
struct line_clock {
    std::vector<std::pair<double, int>> steps;
    double low = 0.6, high = 1.5;
};
line_clock clock_of(line_now const& line, std::deque<double> const& ratios);

wait_range estimate_range(line_now const& line, line_clock const& clock);
wait_range estimate_range(line_now const& line, std::deque<double> const& ratios);

}  // namespace novbe::core
