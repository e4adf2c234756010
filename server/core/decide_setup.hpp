#pragma once
// decide() for the set-up commands (docs/SETUP.md): users and devices from the roster as it is;
// services and counters from the centre's set-up as it is.
#include "centre.hpp"

namespace novbe::core {

outcome decide_setup(centre const& c, add_user const& cmd, time_point now);
outcome decide_setup(centre const& c, change_user const& cmd, time_point now);
outcome decide_setup(centre const& c, add_device const& cmd, time_point now);
outcome decide_setup(centre const& c, change_device const& cmd, time_point now);
// Services and counters (decide_services.cpp).
outcome decide_setup(centre const& c, add_service const& cmd, time_point now);
outcome decide_setup(centre const& c, change_service const& cmd, time_point now);
outcome decide_setup(centre const& c, retire_service const& cmd, time_point now);
outcome decide_setup(centre const& c, add_counter const& cmd, time_point now);
outcome decide_setup(centre const& c, change_counter const& cmd, time_point now);
outcome decide_setup(centre const& c, retire_counter const& cmd, time_point now);
// Hours and holidays (decide_calendar.cpp).
outcome decide_setup(centre const& c, set_weekly_hours const& cmd, time_point now);
outcome decide_setup(centre const& c, set_holiday const& cmd, time_point now);
outcome decide_setup(centre const& c, set_exception const& cmd, time_point now);

}  // namespace novbe::core
