#pragma once
// The handlers of services and counters at runtime (docs/SETUP.md#services-and-counters-at-runtime):
// the wire's values made the engine's commands, by the signed-in admin; the reply is CentreInfo.
#include "net/command_handlers.hpp"

namespace novbe::net {

// What keeps `names` from being one name per language of `languages` ("no name in 'rw'", "a name
// in 'fr'"), for a refusal or a start's warning; empty when they fit. `listed`: "az, en, ru".
std::string languages_problem(std::map<std::string, std::string> const& names, std::vector<std::string> const& languages);
std::string listed(std::vector<std::string> const& languages);

std::variant<action, refusal> setup_add_service(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_change_service(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_retire_service(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_add_counter(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_change_counter(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_retire_counter(command_context const& x, v1::ClientMessage const& m);

}  // namespace novbe::net
