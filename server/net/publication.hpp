#pragma once
// What subscribers are told: each command's events in wire form with their log sequence, and
// the queue lines they changed, taken from the state right after the command (so that nothing
// later, and nothing not yet durable, leaks into them). Boards get a stripped copy.
#include "core/centre.hpp"
#include "net/protocol.hpp"

#include <cstdint>
#include <vector>

namespace novbe::net {

struct publication {
    std::uint64_t first_sequence = 0;  // of events[0]
    std::vector<v1::Event> events;     // full detail, as dashboards see them
    std::vector<v1::QueueLine> lines;  // the lines these events changed, after them
};

publication publish(core::centre const& c, std::vector<core::event> const& events, std::uint64_t first_sequence,
                    core::time_point now);

// A board's copy of an event: false if boards must not see it at all; strips what is personal.
bool for_boards(v1::Event& e);

// Whether a zone (services, counters; empty: all) shows an event or a line.
struct zone_filter {
    std::vector<std::string> services;
    std::vector<std::uint32_t> counters;
    bool shows(v1::Event const& e) const;
    bool shows(v1::QueueLine const& l) const;
    bool shows_service(std::string const& id) const;
    bool shows_counter(std::uint32_t n) const;
};

v1::QueueLine queue_line(core::centre const& c, core::service_index s, core::time_point now);

}  // namespace novbe::net
