#pragma once
// The centre's configuration file (TOML, see deploy/demo/centre.toml): services, counters,
// rules, devices and users, checked as a whole.
#include "net/settings.hpp"

#include <chrono>
#include <stdexcept>
#include <string>

namespace novbe::app {

// A configuration the server cannot start with: "FILE:LINE:COLUMN: problem".
class config_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

net::settings load_config(std::string const& path);
// The same from the file's text (at most net::max_config_bytes), `path` naming it in problems:
// CheckConfig's file, sent by `check-config --server`.
net::settings parse_config(std::string const& file_text, std::string const& path);

// Appends a [[users]] entry with the secret hashed (crypto_pwhash); refuses a name in use.
void add_user(std::string const& path, std::string const& name, net::role kind, std::string const& secret);

// The offset from UTC of an IANA time zone now, from the system's zoneinfo.
std::chrono::minutes utc_offset_of(std::string const& time_zone);

}  // namespace novbe::app
