#pragma once
// The `[[reasons]]` tables: the codes a clerk or manager must give for an out-of-order action
// (docs/DOMAIN.md#reasons), each with a name per language. Kept apart from config_file.cpp so
// that the file stays readable; it throws config_error like the rest.
#include "core/config.hpp"

#include <toml++/toml.h>

#include <string>
#include <vector>

namespace novbe::app {

// The configured codes, or core::default_reasons() when the file lists none.
std::vector<core::reason_config> read_reasons(std::string const& path, toml::table const& root,
                                              std::vector<std::string> const& languages);

}  // namespace novbe::app
