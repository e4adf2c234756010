#pragma once
// The keys a centre's configuration file may hold, as one table (config_keys.cpp), and the walk
// that refuses any other: a typo such as `max_recals` or `[rulez]` would otherwise be ignored
// and the default silently used.
#include <toml++/toml.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace novbe::app {

// Every known key as a dotted path: "rules.max_recalls"; the keys of each [[services]] entry are
// "services.KEY"; "*" is any one name (a language, an agency). A key the loader reads must be here.
std::span<std::string_view const> known_config_keys();

struct unknown_key {
    toml::source_region where;  // the key's own position in the file
    std::string problem;        // "unknown key 'max_recals' in [rules] (did you mean 'max_recalls'?)"
};

// The first key or table of the file that the table does not know, in the file's order.
std::optional<unknown_key> find_unknown_key(toml::table const& root);

}  // namespace novbe::app
