#pragma once
// A pass over the configuration's bytes before toml++ sees them. Debian 12's toml++ (3.3.0)
// reaches undefined behaviour (its whitespace table's "unreachable") on some non-ASCII
// characters where it looks for whitespace; the fuzzer found it (docs/RELIABILITY.md#fuzzing).
// Such a character outside strings and comments is an error in TOML anyway; the other place is
// the first character after a line-ending backslash in a multi-line basic string, refused here.
// It also asserts (assumes, optimised) that a table header's '[' is followed by a key.
#include <string>
#include <string_view>

namespace novbe::app {

// Empty when toml++ may read `text`; otherwise "LINE:COLUMN: problem".
std::string screen_toml(std::string_view text);

}  // namespace novbe::app
