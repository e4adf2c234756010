#pragma once
// Which open connections a set-up change ends (docs/SETUP.md): a disabled user's, a user's other
// ones after a new secret, all of a user's after a new role, a revoked or renamed device's.
#include "core/event.hpp"
#include "net/identity.hpp"

#include <optional>
#include <string>
#include <vector>

namespace novbe::net {

struct session_end {
    std::optional<std::string> user;   // people signed in under this name
    std::optional<std::size_t> device;  // the device at this place in the roster
    void const* except = nullptr;       // the connection that asked for it stays
    std::string reason;                 // the close frame's reason, e.g. "user disabled"

    bool ends(identity const& who, void const* connection) const;
};

// What `events` end, given the roster just before them.
std::vector<session_end> sessions_ended(std::vector<core::event> const& events, core::roster const& before,
                                        void const* sender);

// Why a greeted connection may no longer act, if it may not: its user was disabled or given
// another role, its device revoked, since it signed in (a command already on its way).
std::optional<std::string> no_longer_allowed(identity const& who, core::roster const& now);

}  // namespace novbe::net
