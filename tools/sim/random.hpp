#pragma once
// The simulator's randomness, written out rather than taken from <random>'s distributions, whose
// algorithms differ between standard libraries: one seed gives the same day on every machine.
#include <cmath>
#include <cstdint>
#include <numbers>

namespace novbe::sim {

// splitmix64 (Steele, Lea, Flood): small, fast and well mixed; one stream per service.
class random_stream {
public:
    explicit random_stream(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    bool chance(double p) { return uniform() < p; }
    double exponential(double rate) { return -std::log1p(-uniform()) / rate; }
    double normal() {  // Box-Muller; one of the pair is enough here
        double u = 1.0 - uniform(), v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
    }
    // A lognormal with this mean and standard deviation / mean (`spread`); the mean itself at 0.
    double lognormal(double mean, double spread) {
        if (spread <= 0) return mean;
        double s2 = std::log1p(spread * spread);
        return std::exp(std::log(mean) - s2 / 2 + std::sqrt(s2) * normal());
    }

private:
    std::uint64_t state_;
};

}  // namespace novbe::sim
