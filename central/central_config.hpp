#pragma once
// novbe-central's configuration file (TOML, see deploy/demo/central.toml): the central database,
// when a centre counts as silent, the edge's names, and the people who sign in with their scope.
#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

namespace novbe::central {

// A configuration novbe-central cannot start with: "FILE:LINE:COLUMN: problem".
class config_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A national manager sees every centre; a regional one the centres listed for them.
enum class scope { national, regional };

struct central_user {
    std::string name;
    scope role = scope::regional;
    std::string secret_hash;           // crypto_pwhash string, as the centre's users'
    std::vector<std::string> centres;  // regional only: the centre_ids they see
    bool sees(std::string const& centre_id) const;
};

struct central_settings {
    std::string connection;                    // libpq URI or keyword string
    std::chrono::seconds silent_after{300};    // no batch for this long: the centre is marked
    std::vector<std::string> public_names;     // Host names besides the local ones
    std::vector<std::string> trusted_proxies;  // addresses whose X-Forwarded-For is believed
    std::vector<central_user> users;
};

central_settings load_central_config(std::string const& path);

inline constexpr std::size_t max_users = 10000;

}  // namespace novbe::central
