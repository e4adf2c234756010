#pragma once
// The file's users and devices against the log's (docs/SETUP.md#when-the-file-and-the-log-disagree):
// what the file may still do (add, disable, revoke) as the admin's own commands, and a line for
// each difference the log wins. At start and on SIGHUP.
#include "core/command.hpp"
#include "net/settings.hpp"

#include <string>
#include <vector>

namespace novbe::app {

struct seed_plan {
    std::vector<core::command> commands;  // `by` is "config"
    std::vector<std::string> kept;        // "user anna: the log's role manager, not the file's clerk; the log wins"
};

seed_plan plan_seed(net::settings const& file, core::roster const& log);

// What else a re-read file changes that only a restart applies: one line each (SIGHUP).
std::vector<std::string> needs_restart(net::settings const& running, net::settings const& file);

}  // namespace novbe::app
