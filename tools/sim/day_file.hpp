#pragma once
// Reads a day file (TOML, tools/sim/README.md) into a day, bounded and checked: every problem is
// a day_error "FILE:LINE:COLUMN: problem", unknown keys included.
#include "day.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

namespace novbe::sim {

struct day_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

day read_day(std::string_view text, std::string const& path);  // `path` names the file in errors
day load_day(std::string const& path);

// Bounds of a day file, so that a mistaken one fails fast instead of running for hours.
inline constexpr std::size_t max_services = 64;
inline constexpr std::size_t max_counters = 1000;
inline constexpr double max_expected_tickets = 1'000'000;
inline constexpr std::size_t max_fixed_arrivals = 10'000;
inline constexpr std::size_t max_file_bytes = 1 << 20;

}  // namespace novbe::sim
