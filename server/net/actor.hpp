#pragma once
// Who did it, in the log's words (core::actor) and the wire's (Event.actor_role, Event.actor):
// the signed-in user by name, a device by its configured name, a ticket holder as "citizen".
#include "core/event.hpp"
#include "net/identity.hpp"
#include "novbe.pb.h"

namespace novbe::net {

core::actor actor_of(identity const& who);
// Sets the event's actor; boards never get it (board_copy does not copy it).
void set_actor(novbe::v1::Event& out, core::actor const& by);
// The wire's role of an actor: unspecified for the server's own doing and for old events.
novbe::v1::Role wire_role_of(core::actor_role r);

}  // namespace novbe::net
