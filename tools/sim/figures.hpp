#pragma once
// The samples a run collects for one row of the table, and the row they make.
#include "simulation.hpp"

#include <string>
#include <vector>

namespace novbe::sim {

struct samples {
    std::vector<double> waits;  // seconds, one per visit called
    std::size_t within = 0;
    std::size_t unserved = 0, no_shows = 0;
    std::size_t estimates = 0;
    double estimate_error_sum = 0, estimated_wait_sum = 0;  // over first visits: |error| and actual wait

    void add_wait(double wait_s, bool within_target) {
        waits.push_back(wait_s);
        if (within_target) ++within;
    }
    void add_estimate(double actual, double told) {
        ++estimates;
        estimate_error_sum += actual > told ? actual - told : told - actual;
        estimated_wait_sum += actual;
    }
};

// Mean, nearest-rank p90 and maximum of the waits (sorted in place), and the shares.
wait_line summarise(std::string name, samples& s);

}  // namespace novbe::sim
