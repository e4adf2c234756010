#pragma once
// The handler of each row of the command table (proto/command_table.hpp), in the same order:
// what a mutating command asks of the engine and how its reply is built, what a read answers,
// and how an own-only command is tied to its sender. No sockets, no durability: the dispatcher
// runs these and sends their answers once the log allows.
#include "command_table.hpp"
#include "core/centre.hpp"
#include "net/identity.hpp"
#include "net/protocol.hpp"

#include <functional>
#include <optional>
#include <variant>

namespace novbe::net {

struct read_sources;

// What a handler sees: the centre as it is now, the configuration, who asks, and the time.
struct command_context {
    core::centre const& state;
    settings const& config;
    identity const& who;
    core::time_point now;
    read_sources const* sources = nullptr;  // history and forwarding (read_sources.hpp)
};

// A mutating command: the engine's command, and its reply from the state right after it.
struct action {
    core::command command;
    std::function<void(core::centre const&, v1::Reply&)> reply;
    // In place of `command`, for a decision the centre's decide() does not make alone (a
    // check-in: the bookings and the centre together): the events, or the centre's refusal.
    std::function<core::outcome(core::centre const&, core::time_point)> decide;
    // Set by `decide` when its answer is a refusal though it may write events (a late
    // check-in's lapse): read once decided, in place of `reply`.
    std::function<std::optional<v1::Error>()> refused;
};

// A command refused before the engine sees it.
struct refusal {
    v1::ErrorCode code = v1::ERROR_CODE_INVALID_ARGUMENT;
    std::string message;
};

struct command_handler {
    commands::command_case command;
    // Mutating rows.
    std::variant<action, refusal> (*make)(command_context const&, v1::ClientMessage const&) = nullptr;
    // Read rows: fills `out` (its request id set) with a reply or an error.
    void (*read)(command_context const&, v1::ClientMessage const&, v1::ServerMessage& out) = nullptr;
    // Own-only rows: whether the message names the sender's own ticket or counter.
    bool (*owns)(command_context const&, v1::ClientMessage const&) = nullptr;
};

// The handler of a command table row.
command_handler const& handler_of(commands::row const& row);

}  // namespace novbe::net
