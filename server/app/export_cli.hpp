#pragma once
// `novbe-server config export` (docs/SETUP.md#config-export): the set-up from the running
// server (GetCentre, ListUsers, ListDevices, signed in as an admin) or from a stopped data
// folder (its log recovered under the folder's lock, so never beside a running server), written
// by config_export over the file's other tables. Exit codes: 0 written, 1 refused or unreachable.
#include "app/config_export.hpp"

#include "core/centre.hpp"
#include "net/settings.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace novbe::app {

// What the centre holds: `--data DIR` or `--server HOST:PORT`; nullopt after a line on standard error.
std::optional<centre_set_up> read_set_up(std::map<std::string, std::string> const& o, std::string const& words);

int run_export(std::map<std::string, std::string> const& o);

// A stopped server's centre, recovered from DATA_DIR/centre.db under the folder's lock (a
// config_error if a server holds it, or if there is no log), handed to `use`, then closed.
void with_stopped_centre(std::string const& data_dir, net::settings const& settings, std::function<void(core::centre const&)> const& use);

// `check-config --config FILE [--data DIR | --server HOST:PORT]`: the file's problems, then,
// against a stopped data folder, what its next start would apply from the file and what the log
// keeps (plan_file); or the running server's CheckConfig: live on SIGHUP, needs a restart.
int run_check(std::map<std::string, std::string> const& o);

}  // namespace novbe::app
