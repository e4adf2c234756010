#include "figures.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace novbe::sim {

wait_line summarise(std::string name, samples& s) {
    wait_line line{.name = std::move(name), .waits = s.waits.size(), .unserved = s.unserved, .no_shows = s.no_shows,
                   .estimates = s.estimates};
    if (!s.waits.empty()) {
        std::sort(s.waits.begin(), s.waits.end());
        auto n = static_cast<double>(s.waits.size());
        line.mean = std::accumulate(s.waits.begin(), s.waits.end(), 0.0) / n;
        // Nearest rank: the smallest wait that at least 90 % of the waits do not exceed.
        auto rank = static_cast<std::size_t>(std::ceil(0.9 * n));
        line.p90 = s.waits[std::max<std::size_t>(rank, 1) - 1];
        line.max = s.waits.back();
        line.within_target = static_cast<double>(s.within) / n;
    }
    if (s.estimates > 0) {
        line.estimate_mae = s.estimate_error_sum / static_cast<double>(s.estimates);
        double mean_wait = s.estimated_wait_sum / static_cast<double>(s.estimates);
        line.estimate_ratio = mean_wait > 0 ? line.estimate_mae / mean_wait : 0;
        line.in_range = static_cast<double>(s.in_range) / static_cast<double>(s.estimates);
    }
    line.long_waits = s.long_waits;
    if (s.long_wait_sum > 0) {
        line.long_error_ratio = s.long_error_sum / s.long_wait_sum;
        line.long_old_error_ratio = s.long_old_error_sum / s.long_wait_sum;
    }
    return line;
}

}  // namespace novbe::sim
