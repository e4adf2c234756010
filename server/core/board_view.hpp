#pragma once
// What the hall's display boards show. Built only from numbers, counters and counts, so it
// cannot carry personal data: no tokens, languages, clerks or outcomes ever enter it.
// What a board may see: docs/DOMAIN.md#boards.
#include "centre.hpp"

#include <string>
#include <vector>

namespace novbe::core {

// A board's part of the hall; empty lists mean everything.
struct zone {
    std::vector<service_index> services;
    std::vector<counter_number> counters;
};

struct board_call {
    std::string number;
    counter_number counter = 0;
    time_point at{};
    bool recall = false;
    bool operator==(board_call const&) const = default;
};

struct board_line {
    std::string service_id;
    std::size_t waiting = 0;
    duration estimated_wait{};  // for a ticket taken now
    bool operator==(board_line const&) const = default;
};

struct board_view {
    std::vector<board_call> calls;  // newest first
    std::vector<board_line> lines;  // in configuration order
    bool operator==(board_view const&) const = default;
};

board_view board(centre const& c, zone const& z, time_point now);

}  // namespace novbe::core
