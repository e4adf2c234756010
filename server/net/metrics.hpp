#pragma once
// The server's figures in the Prometheus text format, for GET /metrics: connections by role,
// commands and refusals by type, the store's commits (sizes, latencies), lines per service.
// Not thread-safe: the event loop's thread counts and renders.
#include "core/centre.hpp"
#include "net/settings.hpp"
#include "store/event_log.hpp"

#include <map>
#include <string>

namespace novbe::net {

class metrics {
public:
    void connected(std::string const& role) { ++connections_[role]; }
    void disconnected(std::string const& role) { --connections_[role]; }
    void command(std::string const& type) { ++commands_[type]; }
    void refused(std::string const& code) { ++errors_[code]; }

    std::string render(core::centre const& c, store::event_log::figures const& store, core::time_point now) const;

private:
    std::map<std::string, long> connections_;
    std::map<std::string, unsigned long> commands_;
    std::map<std::string, unsigned long> errors_;
};

}  // namespace novbe::net
