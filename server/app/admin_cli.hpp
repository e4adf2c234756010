#pragma once
// `novbe-server user ...` and `novbe-server device ...` on the running server (docs/SETUP.md):
// signs in as an admin over its WebSocket (the native clients' library) and sends the same
// commands the admin page does, with the same checks. Exit codes: 0 done, 1 refused or
// unreachable (the reason on standard error).
#include <map>
#include <string>

namespace novbe::app {

// `words`: "user list", "user disable", "device add", ...; `o`: the command line's options.
// `new_secret`: the secret read from standard input, for "user add" and "user reset".
int run_admin(std::string const& words, std::map<std::string, std::string> const& o, std::string const& new_secret);

}  // namespace novbe::app
