#pragma once
// How long a client waits before its next connection attempt: exponential, capped, with jitter
// so that a hall of kiosks that lost the server together do not all come back in one instant.
#include <chrono>
#include <cstdint>
#include <random>

namespace novbe::client {

class backoff {
public:
    backoff(std::chrono::milliseconds first, std::chrono::milliseconds cap, std::uint64_t seed);

    // The wait before the next attempt: first, 2*first, 4*first ... up to cap, each drawn
    // uniformly from its upper half ("equal jitter"), so waits grow yet never collapse to 0.
    std::chrono::milliseconds next();
    void reset() { attempts_ = 0; }  // after a successful connection
    int attempts() const { return attempts_; }

private:
    std::chrono::milliseconds first_;
    std::chrono::milliseconds cap_;
    std::mt19937_64 rng_;
    int attempts_ = 0;
};

}  // namespace novbe::client
