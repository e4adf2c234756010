#pragma once
// The set-up commands' handlers (docs/SETUP.md): users and devices, listed and changed by an
// admin. Secrets are hashed here, on the event loop (an admin's rare command: ~0.1 s), so the
// engine only ever sees hashes; tokens are made here and leave only in AddDevice's reply.
#include "net/command_handlers.hpp"

namespace novbe::net {

std::variant<action, refusal> setup_add_user(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_change_user(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_add_device(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_change_device(command_context const& x, v1::ClientMessage const& m);
void setup_list_users(command_context const& x, v1::ClientMessage const& m, v1::ServerMessage& out);
void setup_list_devices(command_context const& x, v1::ClientMessage const& m, v1::ServerMessage& out);
// CheckConfig: bounded here (max_config_bytes), judged by the server's read_sources::check_config.
void setup_check_config(command_context const& x, v1::ClientMessage const& m, v1::ServerMessage& out);

// The roster as the wire shows it: never a hash.
v1::UserInfo user_info(core::staff_user const& u);
v1::DeviceInfo device_info(core::device_entry const& d);
role role_of(core::staff_role r);
role role_of(core::device_kind k);

}  // namespace novbe::net
