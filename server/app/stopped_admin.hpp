#pragma once
// The administration commands on a stopped server's data folder (docs/SETUP.md#on-a-stopped-server):
// under the folder's lock, the log recovered as `run` recovers it, each message handled by the
// server's own dispatcher as an admin's (the same checks, the same events, in the audit trail),
// and answered only once durable. For a centre whose server cannot start, or whose every admin
// lost their secret: whoever may write the data folder may administer the centre anyway.
#include "net/settings.hpp"
#include "novbe.pb.h"
#include "store/event_log.hpp"

#include <string>
#include <vector>

namespace novbe::app {

// A stopped server's centre.db in `data_dir`, looked for before the folder's lock is taken, so a
// refusal leaves no novbe.lock behind; config_error (ending with `hint`) when it is missing.
std::string stopped_centre_db(std::string const& data_dir, std::string const& hint);
// Its log recovered as `run` recovers it (with run's resume window, so the same snapshot is
// chosen), nothing seeded, and checked to be `owner`'s. The caller holds the folder's lock.
store::event_log::opened open_stopped_log(std::string const& db, net::settings const& settings, store::folder_owner owner);

// Who the audit trail says did it: "data folder (LOGIN)", LOGIN the process's user.
std::string stopped_admin_name();

// Each of `ms` in order, stopping after the first refused; the answers (a reply or an error).
// Throws config_error when the folder is held by a running server or holds no centre.db.
std::vector<v1::ServerMessage> ask_stopped_centre(std::string const& data_dir, std::string const& config_path,
                                                  std::vector<v1::ClientMessage> const& ms);

}  // namespace novbe::app
