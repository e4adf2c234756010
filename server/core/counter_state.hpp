#pragma once
// A counter's live state: who sits there, and the ticket at it (docs/DOMAIN.md#counters).
#include "config.hpp"
#include "ticket.hpp"

#include <optional>
#include <string>

namespace novbe::core {

enum class counter_status : std::uint8_t { closed, open, serving, paused };

struct counter_state {
    counter_number number = 0;
    bool open = false;
    bool paused = false;
    std::string clerk;
    std::string pause_reason;
    std::optional<ticket_ordinal> current;      // called or being served here
    std::optional<ticket_ordinal> last_served;  // for the counter-top rating device
    int priority_streak = 0;                    // priority calls in a row
    int normals_owed = 0;                       // other calls due before the next priority one
    time_point since{};                         // when the status last changed

    // "serving" covers both a called ticket and one at the counter: the counter is taken.
    counter_status status() const {
        if (!open) return counter_status::closed;
        if (current) return counter_status::serving;
        return paused ? counter_status::paused : counter_status::open;
    }
    bool operator==(counter_state const&) const = default;
};

std::string_view name(counter_status s);

}  // namespace novbe::core
