#pragma once
// A citizen's ticket for one day and its stays in services' lines.
#include "config.hpp"
#include "time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace novbe::core {

enum class priority_class : std::uint8_t { normal, priority, appointment };

// Its states and the commands between them: docs/DOMAIN.md#tickets.
enum class ticket_state : std::uint8_t {
    waiting,    // in a service's line (again, after a transfer)
    called,     // shown on the board, the citizen walks to the counter
    serving,    // at the counter
    done,       // served
    no_show,    // called but never came
    cancelled,  // taken out of the line before a call
    closed,     // still waiting when the day closed: closed unserved
};

bool is_final(ticket_state s);

// Position in the day's issue order: the FIFO key, and the ticket's identity within a day.
using ticket_ordinal = std::uint32_t;

// The unguessable secret printed in the ticket's QR code; random bits come from outside the core.
struct ticket_token {
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;
    bool empty() const { return hi == 0 && lo == 0; }
    bool operator==(ticket_token const&) const = default;
};

enum class visit_end : std::uint8_t { open, done, no_show, transferred };

// One stay in one service's line, from joining it (issue or transfer) to leaving a counter.
struct visit {
    service_index service = 0;
    time_point joined{};
    std::optional<time_point> called;  // the first call; recalls do not move it
    counter_number counter = 0;
    std::string clerk;
    std::optional<time_point> started;
    std::optional<time_point> ended;
    int recalls = 0;
    visit_end end = visit_end::open;
    std::string taken_by;  // who took the counter over while this stay was at it (counter_taken_over)

    // Who is credited with how the stay ends (served, no-show, transfer) and its rating: the
    // taker, if the counter was taken over mid-stay, else the clerk who called. The call itself
    // stays with `clerk`.
    std::string const& credited() const { return taken_by.empty() ? clerk : taken_by; }
    bool operator==(visit const&) const = default;
};

struct ticket {
    ticket_ordinal ordinal = 0;
    service_index issued_for = 0;  // the number's prefix stays that of this service
    std::uint32_t sequence = 0;    // 1 for A001
    priority_class cls = priority_class::normal;
    std::string language;
    ticket_token token;
    time_point issued{};
    std::optional<time_point> due;  // appointments only
    duration estimated_wait{};
    std::uint32_t people_ahead_at_issue = 0;
    duration estimated_low{}, estimated_high{};  // the range told at issue
    ticket_state state = ticket_state::waiting;
    std::vector<visit> visits;  // never empty; the last one is current
    std::uint8_t rating = 0;    // 0 until rated
    std::string outcome;        // the clerk's word at completion

    visit& current() { return visits.back(); }
    visit const& current() const { return visits.back(); }
    bool operator==(ticket const&) const = default;
};

// "A012": the service prefix and the zero-padded daily sequence (docs/DOMAIN.md#numbering).
std::string format_number(std::string const& prefix, std::uint32_t sequence, int digits);

std::string_view name(ticket_state s);
std::string_view name(priority_class c);

}  // namespace novbe::core
