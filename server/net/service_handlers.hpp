#pragma once
// The handlers of services and counters at runtime (docs/SETUP.md#services-and-counters-at-runtime):
// the wire's values made the engine's commands, by the signed-in admin; the reply is CentreInfo.
#include "net/command_handlers.hpp"

namespace novbe::net {

std::variant<action, refusal> setup_add_service(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_change_service(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_retire_service(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_add_counter(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_change_counter(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_retire_counter(command_context const& x, v1::ClientMessage const& m);

}  // namespace novbe::net
