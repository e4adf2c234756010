#pragma once
// Who a connection is, once its Hello was accepted.
#include "core/config.hpp"
#include "core/ticket.hpp"
#include "net/settings.hpp"

#include <optional>
#include <string>

namespace novbe::net {

struct identity {
    role kind = role::board;
    std::string user;                  // clerks, managers, admins; the device's name otherwise
    core::counter_number counter = 0;  // rating devices
    core::ticket_token ticket;         // ticket holders
    std::optional<std::size_t> device;  // kiosks, boards, pads: their place in the roster (docs/SETUP.md)
    std::string address;               // the client's, as the edge saw it: guesses are charged to it
};

}  // namespace novbe::net
