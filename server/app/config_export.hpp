#pragma once
// The centre's set-up as a configuration file (docs/SETUP.md#config-export): the log's services
// and counters (and agencies from their names) in place of the file's, the file's other tables
// as they are, users and devices as comment lines (the log keeps their secrets and tokens, which
// a file may not carry). What check-config accepts and what seeds the same centre again.
#include "novbe.pb.h"

#include <string>

namespace novbe::app {

// What the centre holds now: from GetCentre, ListUsers and ListDevices, or from a stopped
// data folder's log through the same conversions.
struct centre_set_up {
    v1::CentreInfo centre;
    v1::UserList users;
    v1::DeviceList devices;
};

// `file_path` was loaded (load_config) already: its text passed the screen.
std::string export_toml(std::string const& file_path, centre_set_up const& now);

}  // namespace novbe::app
