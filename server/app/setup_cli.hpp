#pragma once
// `novbe-server service ...` and `novbe-server counter ...` on the running server
// (docs/SETUP.md#from-the-command-line): every option is checked against the wire's bounds here,
// before anything is sent, then the admin's AddService ... RetireCounter or GetCentre goes out
// as `user ...` sends its commands (admin_cli). Exit codes: 0 done, 1 refused or unreachable,
// 2 a wrong option (one line on standard error).
#include <map>
#include <string>

namespace novbe::app {

// A value as it may be shown back on a terminal: control bytes as \xNN (a BEL or an escape
// sequence in a mistyped option is said, never played).
std::string printable(std::string const& s);

// `words`: "service list", "service add", "counter retire", ...
int run_setup(std::string const& words, std::map<std::string, std::string> const& o);

}  // namespace novbe::app
