#pragma once
// The file's calendar ([booking] hours, holidays, exceptions) against the engine's
// (docs/SETUP.md#hours-and-holidays). At start the log's calendar, once an admin has set one, wins
// over the file's: one line says so. On SIGHUP what the file changed since the server last read
// it is applied as the admin's own commands (SetWeeklyHours, AddHoliday, RemoveHoliday,
// SetException), so an admin's other changes stay and the same refusals hold.
#include "core/centre.hpp"
#include "core/command.hpp"
#include "net/settings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace novbe::app {

// The calendar a file gives: its [booking] one, or [centre] opening-closing every day without it.
core::calendar_config calendar_of(net::settings const& file);

// At start: the line that says the log's calendar is in use rather than the file's, when an
// admin has set one and the file says otherwise; nullopt when they agree or the file's is in use.
std::optional<std::string> calendar_kept(core::calendar_config const& file, core::centre const& centre);

// On SIGHUP: the commands that make the file's edit from `was` to `now` (`by` "config"), the
// week first, then each date in order; dates before `today` are past and left out.
std::vector<core::command> calendar_changes(core::calendar_config const& was, core::calendar_config const& now,
                                            core::day_number today);

// Whether the centre starts after its closing time today, by the engine's calendar (the log's
// once an admin set one): then the day is closed at once rather than at the first tick.
bool starts_after_closing(core::centre const& centre, core::time_point now);

}  // namespace novbe::app
