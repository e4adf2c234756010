#pragma once
// The samples a run collects for one row of the table, and the row they make.
#include "simulation.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace novbe::sim {

// What a ticket was told at issue, in seconds; `old`: the estimate before ranges, for comparison.
struct told_wait {
    double low = 0, middle = 0, high = 0, old = 0;
};

struct samples {
    std::vector<double> waits;  // seconds, one per visit called
    std::size_t within = 0;
    std::size_t unserved = 0, no_shows = 0;
    std::size_t estimates = 0;
    double estimate_error_sum = 0, estimated_wait_sum = 0;  // over first visits: |error| and actual wait
    std::size_t in_range = 0;                                // of those, waits inside the range told
    std::size_t long_waits = 0;                              // of those, waits over 5 minutes:
    double long_error_sum = 0, long_old_error_sum = 0, long_wait_sum = 0;  // |middle's error|, |old's|, wait

    void add_wait(double wait_s, bool within_target) {
        waits.push_back(wait_s);
        if (within_target) ++within;
    }
    // Seconds: the actual wait, the range told at issue, and the estimate before ranges.
    void add_estimate(double actual, told_wait const& told) {
        ++estimates;
        estimate_error_sum += std::abs(actual - told.middle);
        estimated_wait_sum += actual;
        if (told.low <= actual && actual <= told.high) ++in_range;
        if (actual <= 5 * 60) return;
        ++long_waits;
        long_error_sum += std::abs(actual - told.middle);
        long_old_error_sum += std::abs(actual - told.old);
        long_wait_sum += actual;
    }
    // Another row's samples into this one (the overall row from the services').
    samples& operator+=(samples const& o) {
        waits.insert(waits.end(), o.waits.begin(), o.waits.end());
        within += o.within;
        unserved += o.unserved;
        no_shows += o.no_shows;
        estimates += o.estimates;
        estimate_error_sum += o.estimate_error_sum;
        estimated_wait_sum += o.estimated_wait_sum;
        in_range += o.in_range;
        long_waits += o.long_waits;
        long_error_sum += o.long_error_sum;
        long_old_error_sum += o.long_old_error_sum;
        long_wait_sum += o.long_wait_sum;
        return *this;
    }
};

// Mean, nearest-rank p90 and maximum of the waits (sorted in place), and the shares.
wait_line summarise(std::string name, samples& s);

}  // namespace novbe::sim
