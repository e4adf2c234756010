#include "actor.hpp"

namespace novbe::net {

core::actor actor_of(identity const& who) {
    using R = core::actor_role;
    switch (who.kind) {
    case role::kiosk: return {R::kiosk, who.user};
    case role::clerk: return {R::clerk, who.user};
    case role::board: return {R::board, who.user};
    case role::manager: return {R::manager, who.user};
    case role::admin: return {R::admin, who.user};
    case role::ticket_holder: return {R::ticket_holder, "citizen"};  // a holder has no name, and is nobody's business
    case role::rating_device: return {R::rating_device, who.user};
    }
    return {};
}

novbe::v1::Role wire_role_of(core::actor_role r) {
    using R = core::actor_role;
    switch (r) {
    case R::unknown:
    case R::server: break;  // no wire role: the name says "server" (or nothing, for old events)
    case R::kiosk: return v1::ROLE_KIOSK;
    case R::clerk: return v1::ROLE_CLERK;
    case R::board: return v1::ROLE_BOARD;
    case R::manager: return v1::ROLE_MANAGER;
    case R::admin: return v1::ROLE_ADMIN;
    case R::ticket_holder: return v1::ROLE_TICKET_HOLDER;
    case R::rating_device: return v1::ROLE_RATING_DEVICE;
    }
    return v1::ROLE_UNSPECIFIED;
}

void set_actor(novbe::v1::Event& out, core::actor const& by) {
    if (auto role = wire_role_of(by.role); role != v1::ROLE_UNSPECIFIED) out.set_actor_role(role);
    if (!by.name.empty()) out.set_actor(by.name);
}

}  // namespace novbe::net
