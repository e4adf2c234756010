#pragma once
// decide() for the set-up commands (docs/SETUP.md): users and devices, from the roster as it is.
#include "centre.hpp"

namespace novbe::core {

outcome decide_setup(centre const& c, add_user const& cmd, time_point now);
outcome decide_setup(centre const& c, change_user const& cmd, time_point now);
outcome decide_setup(centre const& c, add_device const& cmd, time_point now);
outcome decide_setup(centre const& c, change_device const& cmd, time_point now);

}  // namespace novbe::core
