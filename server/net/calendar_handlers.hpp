#pragma once
// The centre's hours and holidays on the wire (docs/SETUP.md#hours-and-holidays): the calendar
// as CentreInfo and CalendarChanged carry it, and the admin's four commands made the engine's.
// The reply to each is CentreInfo.
#include "net/command_handlers.hpp"

namespace novbe::net {

// The week, and the holidays and exceptions of day `from` and later (the centre's today), in order.
v1::Calendar calendar_info(core::calendar_config const& cal, core::day_number from);
// What public screens get of it (publication.hpp's public_centre, board_copy): when the centre
// is open, not who set it.
v1::Calendar public_calendar(v1::Calendar const& in);

std::variant<action, refusal> setup_set_weekly_hours(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_add_holiday(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_remove_holiday(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> setup_set_exception(command_context const& x, v1::ClientMessage const& m);

}  // namespace novbe::net
