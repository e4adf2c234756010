#pragma once
// The administration commands on a stopped server's data folder (docs/SETUP.md#on-a-stopped-server):
// under the folder's lock, the log recovered as `run` recovers it, each message handled by the
// server's own dispatcher as an admin's (the same checks, the same events, in the audit trail),
// and answered only once durable. For a centre whose server cannot start, or whose every admin
// lost their secret: whoever may write the data folder may administer the centre anyway.
#include "novbe.pb.h"

#include <string>
#include <vector>

namespace novbe::app {

// Who the audit trail says did it: "data folder (LOGIN)", LOGIN the process's user.
std::string stopped_admin_name();

// Each of `ms` in order, stopping after the first refused; the answers (a reply or an error).
// Throws config_error when the folder is held by a running server or holds no centre.db.
std::vector<v1::ServerMessage> ask_stopped_centre(std::string const& data_dir, std::string const& config_path,
                                                  std::vector<v1::ClientMessage> const& ms);

}  // namespace novbe::app
