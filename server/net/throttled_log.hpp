#pragma once
// One log line a second at most for what can happen thousands of times a second (accepts that
// fail, connections refused), each with the count since the last. Thread-safe.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace novbe::net {

// `what` starts every line; `error`: logged as an error rather than as information.
class throttled_log {
public:
    throttled_log(std::string what, bool error) : what_(std::move(what)), error_(error) {}
    void note(std::string const& detail);

private:
    std::mutex mutex_;
    std::string what_;
    bool error_;
    std::chrono::steady_clock::time_point last_{};
    std::size_t since_last_ = 0;
};

}  // namespace novbe::net
