#include "central_config.hpp"

#include "app/toml_screen.hpp"
#include "net/edge.hpp"
#include "net/secret_hash.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

namespace novbe::central {

bool central_user::sees(std::string const& centre_id) const {
    return role == scope::national || std::find(centres.begin(), centres.end(), centre_id) != centres.end();
}

namespace {

// Each table's keys; [[users]] is the one list of tables. Anything else is refused by name, so a
// typo such as `silent_after_secnds` never leaves the default silently in force.
std::map<std::string, std::set<std::string>> const known = {
    {"database", {"connection"}},
    {"situation", {"silent_after_seconds"}},
    {"server", {"public_names", "trusted_proxies"}},
    {"users", {"name", "role", "secret", "centres"}},
};

class reader {
public:
    explicit reader(std::string path) : path_(std::move(path)) {}

    [[noreturn]] void fail(toml::node const* at, std::string const& problem) const {
        auto const& where = at ? at->source().begin : toml::source_position{};
        if (!where) throw config_error(path_ + ": " + problem);
        throw config_error(path_ + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": " +
                           problem);
    }

    std::string text(toml::table const& t, std::string const& key, std::string const& table) const {
        auto const* node = t.get(key);
        if (!node) fail(&t, "[" + table + "] needs '" + key + "'");
        auto value = node->value<std::string>();
        if (!value || value->empty() || value->size() > 4096)
            fail(node, "'" + key + "' is a non-empty string (4096 bytes at most)");
        return *value;
    }

    std::vector<std::string> texts(toml::table const& t, std::string const& key) const {
        std::vector<std::string> out;
        auto const* node = t.get(key);
        if (!node) return out;
        auto const* list = node->as_array();
        if (!list || list->size() > 1000) fail(node, "'" + key + "' is a list of strings (1000 at most)");
        for (auto const& item : *list) {
            auto value = item.value<std::string>();
            if (!value || value->empty() || value->size() > 255)
                fail(&item, "each of '" + key + "' is a non-empty string");
            out.push_back(*value);
        }
        return out;
    }

    void unknown_keys(toml::table const& root) const {
        for (auto const& [key, node] : root) {
            auto table = known.find(std::string(key.str()));
            if (table == known.end()) fail(&node, "unknown table [" + std::string(key.str()) + "]");
            bool const list = table->first == "users";
            if (list != node.is_array_of_tables() || (!list && !node.is_table()))
                fail(&node, list ? "users are written [[users]]" : "[" + table->first + "] is a table");
            auto check = [&](toml::table const& t) {
                for (auto const& [k, v] : t)
                    if (!table->second.contains(std::string(k.str())))
                        fail(&v, "unknown key '" + std::string(k.str()) + "' in [" + table->first + "]");
            };
            if (list) {
                for (auto const& entry : *node.as_array()) check(*entry.as_table());
            } else {
                check(*node.as_table());
            }
        }
    }

private:
    std::string path_;
};

central_user read_user(reader const& in, toml::table const& t) {
    central_user u{.name = in.text(t, "name", "users"), .secret_hash = in.text(t, "secret", "users")};
    if (u.name.size() > 64) in.fail(t.get("name"), "a user's name is 64 bytes at most");
    if (!net::is_secret_hash(u.secret_hash))
        in.fail(t.get("secret"), "'secret' is a hash made by `novbe-central hash-secret`, never the secret itself");
    auto role = in.text(t, "role", "users");
    if (role == "national") u.role = scope::national;
    else if (role == "regional") u.role = scope::regional;
    else in.fail(t.get("role"), "'role' is \"national\" or \"regional\"");
    u.centres = in.texts(t, "centres");
    if (u.role == scope::national && !u.centres.empty())
        in.fail(t.get("centres"), "a national user sees every centre: 'centres' is for regional users");
    if (u.role == scope::regional && u.centres.empty())
        in.fail(&t, "regional user '" + u.name + "' needs 'centres', the centre_ids they see");
    return u;
}

}  // namespace

central_settings load_central_config(std::string const& path) {
    reader in(path);
    std::ifstream file{path, std::ios::binary};
    if (!file) throw config_error(path + ": cannot be read");
    std::string const text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    if (text.size() > 4 * 1024 * 1024) throw config_error(path + ": larger than 4 MiB");
    if (auto problem = app::screen_toml(text); !problem.empty()) throw config_error(path + ":" + problem);
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (toml::parse_error const& e) {
        throw config_error(path + ":" + std::to_string(e.source().begin.line) + ":" +
                           std::to_string(e.source().begin.column) + ": " + std::string(e.description()));
    }
    in.unknown_keys(root);
    central_settings s;
    auto const* database = root.get_as<toml::table>("database");
    if (!database) in.fail(nullptr, "the [database] table is missing (its 'connection' names the central PostgreSQL)");
    s.connection = in.text(*database, "connection", "database");
    if (auto const* situation = root.get_as<toml::table>("situation")) {
        if (auto const* node = situation->get("silent_after_seconds")) {
            auto value = node->value<std::int64_t>();
            if (!value || *value < 1 || *value > 86400) in.fail(node, "'silent_after_seconds' is 1 to 86400");
            s.silent_after = std::chrono::seconds(*value);
        }
    }
    if (auto const* server = root.get_as<toml::table>("server")) {
        s.public_names = in.texts(*server, "public_names");
        s.trusted_proxies = in.texts(*server, "trusted_proxies");
        for (auto const& name : s.public_names)
            if (!net::parse_host(name))
                in.fail(server->get("public_names"), "'" + name + "' is not a host name (host or host:port)");
        for (auto const& proxy : s.trusted_proxies)
            if (!net::parse_address(proxy))
                in.fail(server->get("trusted_proxies"), "'" + proxy + "' is not an IP address");
    }
    if (auto const* users = root.get_as<toml::array>("users")) {
        if (users->size() > max_users) in.fail(users, "at most 10000 users");
        std::set<std::string> names;
        for (auto const& entry : *users) {
            auto u = read_user(in, *entry.as_table());
            if (!names.insert(u.name).second) in.fail(&entry, "user '" + u.name + "' is listed twice");
            s.users.push_back(std::move(u));
        }
    }
    if (s.users.empty()) in.fail(nullptr, "no [[users]]: nobody could sign in");
    return s;
}

}  // namespace novbe::central
