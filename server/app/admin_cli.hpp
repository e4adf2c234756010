#pragma once
// `novbe-server user ...` and `novbe-server device ...` on the running server (docs/SETUP.md):
// signs in as an admin over its WebSocket (the native clients' library) and sends the same
// commands the admin page does, with the same checks. Exit codes: 0 done, 1 refused or
// unreachable (the reason on standard error).
#include "novbe.pb.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace novbe::app {

// `words`: "user list", "user disable", "device add", ...; `o`: the command line's options.
// `new_secret`: the secret read from standard input, for "user add" and "user reset".
int run_admin(std::string const& words, std::map<std::string, std::string> const& o, std::string const& new_secret);

// Signs in as the admin `o` names (--server, --admin or NOVBE_ADMIN, NOVBE_SECRET) and sends
// `m`: a refusal in words on standard error (1); else `done` gets the reply (0).
int ask_admin(std::string const& words, std::map<std::string, std::string> const& o, v1::ClientMessage const& m,
              std::function<void(v1::Reply const&)> const& done);
// The same with several commands on one connection, in order; `done` gets all the replies.
int ask_admin(std::string const& words, std::map<std::string, std::string> const& o, std::vector<v1::ClientMessage> const& ms,
              std::function<void(std::vector<v1::Reply> const&)> const& done);

}  // namespace novbe::app
