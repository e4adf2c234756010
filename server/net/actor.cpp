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

void set_actor(novbe::v1::Event& out, core::actor const& by) {
    using R = core::actor_role;
    switch (by.role) {
    case R::unknown:
    case R::server: break;  // no wire role: the name says "server" (or nothing, for old events)
    case R::kiosk: out.set_actor_role(v1::ROLE_KIOSK); break;
    case R::clerk: out.set_actor_role(v1::ROLE_CLERK); break;
    case R::board: out.set_actor_role(v1::ROLE_BOARD); break;
    case R::manager: out.set_actor_role(v1::ROLE_MANAGER); break;
    case R::admin: out.set_actor_role(v1::ROLE_ADMIN); break;
    case R::ticket_holder: out.set_actor_role(v1::ROLE_TICKET_HOLDER); break;
    case R::rating_device: out.set_actor_role(v1::ROLE_RATING_DEVICE); break;
    }
    if (!by.name.empty()) out.set_actor(by.name);
}

}  // namespace novbe::net
