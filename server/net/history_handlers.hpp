#pragma once
// The dashboard's reads beyond today: GetHistory (a range of days' figures, each as the engine
// counted it) and GetForwarding (the central database's lag: docs/CENTRAL.md#lag).
//
// GetHistory comes in three steps so that its reading of the log never holds up the event loop
// (docs/PROTOCOL.md#history-and-forwarding): the range is checked and today's figures taken on
// the core's strand (`history_ask_of`), the earlier days are read and the answer built and
// serialized on the history reader's own thread (`history_answer`), and only the finished frame
// comes back to be sent. `history_read` runs the three at once, for a dispatcher with no reader.
#include "net/command_handlers.hpp"
#include "store/history_reader.hpp"

#include <string>
#include <variant>
#include <map>
#include <vector>

namespace novbe::net {

inline constexpr int history_max_days = store::history_reader::max_days;
inline constexpr std::size_t history_max_waiting = 4;  // GetHistory reads in flight at once, all senders
// A history's answer, at most: a year of the 100 services a centre may ever have takes about 3 MiB.
// It goes out beside the connection's bound on unread bytes (docs/PROTOCOL.md#history-and-forwarding).
inline constexpr std::size_t history_max_answer_bytes = 8 * 1024 * 1024;

// A GetHistory checked and taken on the core's strand: what the reader's thread needs, by value.
struct history_ask {
    core::day_number from = 0;
    core::day_number to = 0;
    // Earlier days from the log's rows (none when read_to < from); today from the engine.
    core::day_number read_to = 0;
    std::vector<store::service_day> today;  // today's rows, as the engine counts them now
    std::map<core::counter_number, core::figures> today_by_counter;  // when today is in the range
    std::map<std::string, core::figures> today_by_clerk;
    std::vector<std::string> service_order;  // the centre's services, in its order
};

// The range's checks and today's figures, or why the ask is refused.
std::variant<history_ask, refusal> history_ask_of(core::centre const& state, v1::GetHistory const& ask);
// The reply to `ask` from what the log holds of days ask.from to ask.read_to: the days' rows and
// their sums, services in the centre's order, then any it no longer has, by id; the counters'
// and clerks' sums with today's added.
void history_answer(history_ask const& ask, store::stored_range earlier, v1::ServerMessage& out);

void history_read(command_context const& x, v1::ClientMessage const& m, v1::ServerMessage& out);
void forwarding_read(command_context const& x, v1::ClientMessage const& m, v1::ServerMessage& out);

}  // namespace novbe::net
