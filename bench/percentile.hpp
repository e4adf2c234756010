#pragma once
// The p-th quantile of a sample (p in [0, 1], nearest rank below), -1 for no sample: the latency
// figures the server benchmarks print.
#include <algorithm>
#include <cstddef>
#include <vector>

namespace novbe::bench {

inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return -1.0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * double(v.size() - 1))];
}

}  // namespace novbe::bench
