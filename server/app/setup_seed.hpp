#pragma once
// The file's services and counters against the engine's (docs/SETUP.md#services-and-counters-at-runtime):
// one the engine does not have yet is added as the admin's command would (`by` "config"); one it
// has that the file words otherwise keeps the engine's, in one line. At start and on SIGHUP.
#include "app/roster_seed.hpp"
#include "core/config.hpp"

namespace novbe::app {

seed_plan plan_set_up(core::centre_config const& file, core::centre_config const& engine);

}  // namespace novbe::app
