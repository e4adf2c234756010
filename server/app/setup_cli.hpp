#pragma once
// `novbe-server service ...` and `novbe-server counter ...` on the running server
// (docs/SETUP.md#from-the-command-line): every option is checked against the wire's bounds here,
// before anything is sent, then the admin's AddService ... RetireCounter or GetCentre goes out
// as `user ...` sends its commands (admin_cli). Exit codes: 0 done, 1 refused or unreachable,
// 2 a wrong option (one line on standard error).
#include <map>
#include <string>

namespace novbe::app {

// `words`: "service list", "service add", "counter retire", ...
int run_setup(std::string const& words, std::map<std::string, std::string> const& o);

}  // namespace novbe::app
