#pragma once
// What the server needs of the log, as an interface (LevelDB's Env idea): `event_log` is the
// real one (SQLite, its writer thread); tests of the dispatcher, hub and publication put an
// in-memory one in its place (tests/unit/net/memory_log.hpp).
#include "core/event.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <system_error>
#include <vector>

namespace novbe::store {

class durable_log {
public:
    // ec is empty when durable; last_sequence is that of the append's last event.
    using completion = std::function<void(std::error_code ec, std::uint64_t last_sequence)>;
    struct request {
        std::vector<core::event> events;
        completion done;
        std::string key;    // idempotency: if set, `reply` is kept under it, durable with the events
        std::string reply;
        core::actor by;     // who sent the command: every one of its events is logged as theirs
    };

    virtual ~durable_log() = default;
    // The requests' events get the next sequence numbers in order; each completion runs once
    // its events (and all before them) are durable, in append order, on any thread.
    virtual void append(std::vector<request> requests) = 0;
    virtual std::string failure() const = 0;  // the first failed commit's error, naming the file
};

}  // namespace novbe::store
