#include "setup_sessions.hpp"

#include "net/setup_handlers.hpp"

namespace novbe::net {

namespace {

bool is_person(role r) { return r == role::clerk || r == role::manager || r == role::admin; }

}  // namespace

bool session_end::ends(identity const& who, void const* connection) const {
    if (connection == except && except) return false;
    if (user) return is_person(who.kind) && who.user == *user;
    return device && who.device == device;
}

std::vector<session_end> sessions_ended(std::vector<core::event> const& events, core::roster const& before,
                                        void const* sender) {
    std::vector<session_end> out;
    for (auto const& ev : events) {
        if (auto const* u = std::get_if<core::user_set>(&ev)) {
            auto const* was = before.find_user(u->user.name);
            if (!was) continue;  // new: nobody is signed in as them
            if (u->user.disabled && !was->disabled) out.push_back({.user = u->user.name, .reason = "user disabled"});
            else if (u->user.role != was->role) out.push_back({.user = u->user.name, .reason = "role changed"});
            else if (u->user.secret_hash != was->secret_hash)
                out.push_back({.user = u->user.name, .except = sender, .reason = "secret changed"});
        } else if (auto const* d = std::get_if<core::device_set>(&ev)) {
            if (d->index >= before.devices.size()) continue;
            auto const& was = before.devices[d->index];
            if (d->device.revoked && !was.revoked) out.push_back({.device = d->index, .reason = "device revoked"});
            else if (d->device.name != was.name) out.push_back({.device = d->index, .reason = "device renamed"});
        }
    }
    return out;
}

std::optional<std::string> no_longer_allowed(identity const& who, core::roster const& now) {
    if (is_person(who.kind)) {
        auto const* u = now.find_user(who.user);
        if (!u) return std::nullopt;  // not from the roster (a test's, or the public board's)
        if (u->disabled) return who.user + " was disabled: sign in again once an admin enables them.";
        auto r = role_of(u->role);
        if (r != who.kind && r != role::admin) return who.user + " is " + std::string(name(r)) + " now: sign in again.";
        return std::nullopt;
    }
    if (who.device && (*who.device >= now.devices.size() || now.devices[*who.device].revoked))
        return "This device was revoked.";
    return std::nullopt;
}

}  // namespace novbe::net
