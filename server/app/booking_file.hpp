#pragma once
// The booking keys of the configuration (docs/DOMAIN.md#appointments): the `[booking]` table
// (its calendar, check-in window and defaults), each `[[services]]` entry's own booking keys, and
// the `[[portal]]` tables of the booking API. Kept apart from config_file.cpp so that the file
// stays readable; it throws config_error ("FILE:LINE:COLUMN: problem") like the rest.
#include "net/settings.hpp"

#include <toml++/toml.h>

#include <string>

namespace novbe::app {

// Fills s.booking (unset without a [booking] table) and s.portals; s.centre must be read and
// valid. A service's booking key without a [booking] table is refused, never ignored.
void read_booking(std::string const& path, toml::table const& root, net::settings& s);

}  // namespace novbe::app
