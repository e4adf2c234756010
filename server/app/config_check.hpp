#pragma once
// CheckConfig (docs/SETUP.md#check-config-against-the-running-server): a configuration file's
// text judged by the running server as a SIGHUP would judge it, by the same planners (plan_file,
// needs_restart), against its start-time settings and the calendar it last read; each command is
// tried on a copy of the centre, so what the engine would refuse is said as refused, and nothing
// is applied. On the core's thread.
#include "core/centre.hpp"
#include "net/settings.hpp"
#include "novbe.pb.h"

#include <string>

namespace novbe::app {

// `running`: the settings the server started with; `calendar`: the file's calendar as last read
// (at start or the last SIGHUP). A text that does not load gives only its problems.
v1::ConfigCheck check_config(std::string const& toml, net::settings const& running, core::calendar_config const& calendar,
                             core::centre const& centre, core::time_point now);

}  // namespace novbe::app
