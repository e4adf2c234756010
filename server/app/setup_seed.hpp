#pragma once
// The file's services and counters against the engine's (docs/SETUP.md#services-and-counters-at-runtime):
// one the engine does not have yet is added as the admin's command would (`by` "config"); one it
// has that the file words otherwise keeps the engine's, in one line. At start and on SIGHUP.
#include "app/roster_seed.hpp"
#include "core/centre.hpp"
#include "core/config.hpp"

namespace novbe::app {

seed_plan plan_set_up(core::centre_config const& file, core::centre_config const& engine);

// The whole file against the centre, in the order it is applied: new services first (counters
// name them), then counters, then users and devices, then the calendar. What start and SIGHUP
// apply (server.cpp) and what `check-config --data` says they would (check_cli): one planner.
// `reread`: on SIGHUP, the calendar of the file as the server last read it, whose edits since are
// applied (calendar_seed.hpp), and the time; none at start, where the log's calendar wins in a line.
struct file_reread {
    core::calendar_config was;
    core::time_point now{};
};
seed_plan plan_file(net::settings const& file, core::centre const& centre, std::optional<file_reread> const& reread = std::nullopt);

// A planned command in words: "service tax", "counter 9", "anna", "calendar" (who or what it is
// about) ...
std::string subject(core::command const& cmd);
// ... and what it does: "add service tax", "disable user anna", "revoke device kiosk 3", "add
// holiday 2026-12-31", "set exception 2026-12-30 09:00-13:00".
std::string action(core::command const& cmd);
// Why the engine refused one: "day_has_bookings: 1 active booking falls outside these hours, ...",
// the code and the sentence an admin's page would show for the same refusal.
std::string refusal_words(core::outcome const& result);

}  // namespace novbe::app
