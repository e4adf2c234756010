#include "throttled_log.hpp"

#include "net/log.hpp"

namespace novbe::net {

void throttled_log::note(std::string const& detail) {
    std::lock_guard lock(mutex_);
    ++since_last_;
    auto now = std::chrono::steady_clock::now();
    if (last_ != std::chrono::steady_clock::time_point{} && now - last_ < std::chrono::seconds(1)) return;
    auto line = what_ + " (" + std::to_string(since_last_) + " since the last such line): " + detail;
    error_ ? log_error(line) : log_info(line);
    last_ = now;
    since_last_ = 0;
}

}  // namespace novbe::net
