#pragma once
// Time as the core sees it: values handed in with each command, never read from a clock here.
#include <chrono>
#include <cstdint>

namespace novbe::core {

using duration = std::chrono::milliseconds;
using time_point = std::chrono::sys_time<duration>;

// Days since 1970-01-01 counted in the centre's local time from its day start (e.g. 04:00).
using day_number = std::int32_t;
inline constexpr day_number no_day = INT32_MIN;

// The centre's local day that `now` falls in; ticket numbering restarts at each new one
// (docs/DOMAIN.md#days).
inline day_number day_of(time_point now, std::chrono::minutes utc_offset, std::chrono::minutes day_start) {
    auto local = now + utc_offset - day_start;
    return static_cast<day_number>(std::chrono::floor<std::chrono::days>(local).time_since_epoch().count());
}

}  // namespace novbe::core
