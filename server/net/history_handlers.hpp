#pragma once
// The dashboard's reads beyond today: GetHistory (a range of days' figures, each as the engine
// counted it) and GetForwarding (the central database's lag: docs/CENTRAL.md#lag).
#include "net/command_handlers.hpp"

namespace novbe::net {

void history_read(command_context const& x, v1::ClientMessage const& m, v1::ServerMessage& out);
void forwarding_read(command_context const& x, v1::ClientMessage const& m, v1::ServerMessage& out);

}  // namespace novbe::net
