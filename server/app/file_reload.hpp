#pragma once
// The configuration file applied to a running centre (docs/SETUP.md#when-the-file-and-the-log-disagree):
// at start, and again on SIGHUP, which never stops the server (docs/SETUP.md#sighup). Each
// refusal and each difference the log wins is a log line; on the core's thread, as every command.
#include "app/setup_seed.hpp"
#include "net/centre_service.hpp"
#include "net/dispatcher.hpp"
#include "net/settings.hpp"

#include <optional>
#include <string>

namespace novbe::app {

// The file's services, counters, users and devices into the log, as far as the file may still
// change them, then (with `reread`, on SIGHUP) its calendar's edits. `when`: "start" or "SIGHUP".
void apply_file(net::dispatcher& dispatch, net::centre_service const& centre, net::settings const& file, std::string const& when,
                std::optional<file_reread> const& reread = std::nullopt);

// SIGHUP: the file at `path` again. A file that does not load changes nothing; a good one is
// applied as above, and whatever else it changes from `running` is named, "needs a restart".
// `calendar`: the file's calendar as last read (calendar_of), then the new file's.
void reload(std::string const& path, net::settings const& running, core::calendar_config& calendar, net::dispatcher& dispatch,
            net::centre_service const& centre);

}  // namespace novbe::app
