#include "config_file.hpp"

#include "booking_file.hpp"
#include "config_keys.hpp"
#include "reason_config.hpp"
#include "net/auth.hpp"
#include "net/edge.hpp"
#include "toml_screen.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>

namespace novbe::app {

namespace {

// Reads one file, turning every problem into "FILE:LINE:COLUMN: problem".
class reader {
public:
    explicit reader(std::string path) : path_(std::move(path)) {}

    [[noreturn]] void fail(toml::node const* at, std::string const& problem) const {
        fail(at ? at->source() : toml::source_region{}, problem);
    }

    [[noreturn]] void fail(toml::source_region const& at, std::string const& problem) const {
        std::string where = path_;
        if (at.begin) where += ":" + std::to_string(at.begin.line) + ":" + std::to_string(at.begin.column);
        throw config_error(where + ": " + problem);
    }

    // A whole number within [low, high], named with its range when outside.
    int integer(toml::table const& t, std::string_view key, int fallback, int low, int high) const {
        auto n = get<std::int64_t>(t, key, fallback);
        if (n < low || n > high)
            fail(t.get(key), "'" + std::string(key) + "' is " + std::to_string(low) + " to " + std::to_string(high));
        return static_cast<int>(n);
    }

    template <class T>
    T get(toml::table const& t, std::string_view key, std::optional<T> fallback = std::nullopt) const {
        auto const* node = t.get(key);
        if (!node) {
            if (fallback) return *fallback;
            fail(&t, "'" + std::string(key) + "' is missing");
        }
        auto value = node->value<T>();
        if (!value) fail(node, "'" + std::string(key) + "' has the wrong type");
        return *value;
    }

    std::chrono::minutes minutes(toml::table const& t, std::string_view key, int fallback) const {
        auto m = get<std::int64_t>(t, key, fallback);
        if (m < 0 || m > 24 * 60) fail(t.get(key), "'" + std::string(key) + "' must be 0 to 1440 minutes");
        return std::chrono::minutes(m);
    }

    // "HH:MM" after local midnight; hours up to 47 so that closing may pass midnight (25:30).
    std::chrono::minutes clock(toml::table const& t, std::string_view key, std::string const& text) const {
        auto ok = text.size() == 5 && text[2] == ':' && std::isdigit(static_cast<unsigned char>(text[0])) &&
                  std::isdigit(static_cast<unsigned char>(text[1])) && std::isdigit(static_cast<unsigned char>(text[3])) &&
                  std::isdigit(static_cast<unsigned char>(text[4]));
        int h = ok ? std::stoi(text.substr(0, 2)) : 0, m = ok ? std::stoi(text.substr(3, 2)) : 0;
        if (!ok || h > 47 || m > 59) fail(t.get(key), "'" + std::string(key) + "' is a time HH:MM, not '" + text + "'");
        return std::chrono::minutes(h * 60 + m);
    }

    std::map<std::string, std::string> names(toml::table const& t, std::string_view key) const {
        std::map<std::string, std::string> out;
        auto const* table = t.get_as<toml::table>(key);
        if (!table) return out;
        for (auto const& [language, value] : *table) {
            auto text = value.value<std::string>();
            if (!text) fail(&value, "names are text");
            out[std::string(language.str())] = *text;
        }
        return out;
    }

    toml::array const& array(toml::table const& t, std::string_view key) const {
        auto const* a = t.get_as<toml::array>(key);
        if (!a) fail(&t, "'" + std::string(key) + "' is missing or not a list");
        return *a;
    }

    std::string const& path() const { return path_; }

private:
    std::string path_;
};

std::optional<net::role> role_named(std::string_view text) {
    for (auto r : {net::role::kiosk, net::role::clerk, net::role::board, net::role::manager, net::role::admin,
                   net::role::rating_device})
        if (net::name(r) == text) return r;
    return std::nullopt;
}

// "first at line N", for the second of two entries that must differ.
std::string first_at(toml::node const* first) {
    return first && first->source().begin ? " (first at line " + std::to_string(first->source().begin.line) + ")" : "";
}

void read_services(reader const& in, toml::table const& root, net::settings& s) {
    auto const* agencies = root.get_as<toml::table>("agencies");
    std::map<std::string, toml::node const*> ids, prefixes;
    for (auto const& node : in.array(root, "services")) {
        auto const* t = node.as_table();
        if (!t) in.fail(&node, "each [[services]] entry is a table");
        core::service_config service{
            .id = in.get<std::string>(*t, "id"), .prefix = in.get<std::string>(*t, "prefix"),
            .names = in.names(*t, "names"), .target_wait = in.minutes(*t, "target_wait_minutes", 15),
            .max_wait = in.minutes(*t, "max_wait_minutes", 45), .default_service_time = in.minutes(*t, "service_minutes", 5)};
        net::service_profile profile{.agency = in.get<std::string>(*t, "agency", std::string())};
        if (!profile.agency.empty()) {
            if (!agencies || !agencies->get_as<toml::table>(profile.agency))
                in.fail(t->get("agency"), "agency '" + profile.agency + "' has no [agencies." + profile.agency + "] names");
            profile.agency_names = in.names(*agencies, profile.agency);
            if (profile.agency_names.empty())  // kiosks group its services under its names
                in.fail(agencies->get(profile.agency), "[agencies." + profile.agency + "] gives the agency no names");
        }
        for (auto const& language : s.profile.languages)
            if (!service.names.contains(language)) in.fail(t, "service '" + service.id + "' has no name in '" + language + "'");
        if (auto [at, fresh] = ids.emplace(service.id, t->get("id")); !fresh)
            in.fail(t->get("id"), "service id '" + service.id + "' is used twice" + first_at(at->second));
        if (auto problem = core::service_id_problem(service.id); !problem.empty()) in.fail(t->get("id"), problem);
        if (auto problem = core::validate_service(service); !problem.empty()) in.fail(t, problem);
        if (auto [at, fresh] = prefixes.emplace(service.prefix, t->get("prefix")); !fresh)
            in.fail(t->get("prefix"), "service '" + service.id + "': prefix '" + service.prefix + "' is used twice" +
                                          first_at(at->second));
        service.agency = profile.agency;  // the engine's copy is the one that changes at runtime
        service.agency_names = profile.agency_names;
        s.centre.services.push_back(std::move(service));
        s.profile.services.push_back(std::move(profile));
    }
}

void read_counters(reader const& in, toml::table const& root, net::settings& s) {
    std::map<std::int64_t, toml::node const*> numbers;
    for (auto const& node : in.array(root, "counters")) {
        auto const* t = node.as_table();
        if (!t) in.fail(&node, "each [[counters]] entry is a table");
        auto number = in.get<std::int64_t>(*t, "number");
        if (number < 1 || number > 9999) in.fail(t->get("number"), "counter numbers are 1 to 9999");
        if (auto [at, fresh] = numbers.emplace(number, t->get("number")); !fresh)
            in.fail(t->get("number"), "counter " + std::to_string(number) + " is listed twice" + first_at(at->second));
        core::counter_config counter{.number = static_cast<core::counter_number>(number),
                                     .name = in.get<std::string>(*t, "name", "Counter " + std::to_string(number))};
        for (auto const& id : in.array(*t, "services")) {
            auto text = id.value<std::string>();
            auto index = text ? s.centre.find_service(*text) : std::nullopt;
            if (!index) in.fail(&id, "counter " + std::to_string(number) + " names an unknown service");
            counter.services.push_back(*index);
        }
        if (counter.services.empty()) in.fail(t->get("services"), "counter " + std::to_string(number) + " serves no service");
        if (counter.services.size() > core::max_counter_services)
            in.fail(t->get("services"), "counter " + std::to_string(number) + " serves more than " +
                                            std::to_string(core::max_counter_services) + " services");
        auto policy = in.get<std::string>(*t, "policy", std::string("longest_wait_first"));
        if (policy == "strict_service_order") counter.policy = core::routing_policy::strict_service_order;
        else if (policy != "longest_wait_first") in.fail(t->get("policy"), "policy is longest_wait_first or strict_service_order");
        if (t->get("normal_per_priority"))  // docs/DOMAIN.md#priority-ratio
            counter.normal_per_priority = in.integer(*t, "normal_per_priority", 0, 0, core::max_normal_per_priority);
        if (t->get("breaks"))  // docs/DOMAIN.md#the-counters-plan
            for (auto const& b : in.array(*t, "breaks")) {
                auto const* bt = b.as_table();
                if (!bt) in.fail(&b, "a break is { at = \"HH:MM\", minutes = N }");
                counter.breaks.push_back({.at = in.clock(*bt, "at", in.get<std::string>(*bt, "at")),
                                          .length = std::chrono::minutes(in.integer(*bt, "minutes", 0, 1, 240))});
            }
        if (auto problem = core::validate_breaks(counter.breaks); !problem.empty())
            in.fail(t->get("breaks"), "counter " + std::to_string(number) + ": " + problem);
        s.centre.counters.push_back(std::move(counter));
    }
}

void read_people(reader const& in, toml::table const& root, net::settings& s) {
    std::map<std::string, toml::table const*> tokens;  // a token signs in one device, not two
    std::map<std::string, toml::node const*> names;
    if (root.get("devices"))
        for (auto const& node : in.array(root, "devices")) {
            auto const* t = node.as_table();
            if (!t) in.fail(&node, "each [[devices]] entry is a table");
            auto kind = role_named(in.get<std::string>(*t, "role"));
            if (!kind || (*kind != net::role::kiosk && *kind != net::role::board && *kind != net::role::rating_device))
                in.fail(t->get("role"), "a device's role is kiosk, board or rating_device");
            net::device d{.name = in.get<std::string>(*t, "name"), .kind = *kind, .token = in.get<std::string>(*t, "token")};
            if (d.token.size() < 12) in.fail(t->get("token"), "a device token needs at least 12 characters");
            if (auto [at, fresh] = tokens.emplace(d.token, t); !fresh)  // the token itself stays out of the message
                in.fail(t->get("token"), "device '" + d.name + "' has the token of device '" +
                                             in.get<std::string>(*at->second, "name") + "'" + first_at(at->second->get("token")));
            if (*kind == net::role::rating_device) {
                d.counter = static_cast<core::counter_number>(in.get<std::int64_t>(*t, "counter"));
                if (!s.centre.find_counter(d.counter)) in.fail(t->get("counter"), "no such counter");
            }
            d.revoked = in.get<bool>(*t, "revoked", false);
            s.devices.push_back(std::move(d));
        }
    if (root.get("users"))
        for (auto const& node : in.array(root, "users")) {
            auto const* t = node.as_table();
            if (!t) in.fail(&node, "each [[users]] entry is a table");
            auto kind = role_named(in.get<std::string>(*t, "role"));
            if (!kind || (*kind != net::role::clerk && *kind != net::role::manager && *kind != net::role::admin))
                in.fail(t->get("role"), "a user's role is clerk, manager or admin");
            net::user u{.name = in.get<std::string>(*t, "name"), .kind = *kind, .secret_hash = in.get<std::string>(*t, "secret")};
            if (!net::is_secret_hash(u.secret_hash))
                in.fail(t->get("secret"), "the secret is not a hash: add users with 'novbe-server user add'");
            if (auto [at, fresh] = names.emplace(u.name, t->get("name")); !fresh)
                in.fail(t->get("name"), "user '" + u.name + "' is listed twice" + first_at(at->second));
            u.disabled = in.get<bool>(*t, "disabled", false);

            s.users.push_back(std::move(u));
        }
}

// Where phones reach the centre, printed in every ticket's QR code: an http(s) address of at
// most 200 characters without spaces, kept without its trailing slash (docs/DOMAIN.md#public-address).
std::string public_url(reader const& in, toml::table const& centre) {
    auto url = in.get<std::string>(centre, "public_url", std::string());
    if (url.empty()) return url;
    bool const scheme = url.starts_with("https://") || url.starts_with("http://");
    bool const plain = std::none_of(url.begin(), url.end(), [](unsigned char c) { return c <= ' ' || c == 0x7f; });
    if (!scheme || !plain || url.size() > 200 || url.find('?') != std::string::npos || url.find('#') != std::string::npos)
        in.fail(centre.get("public_url"), "public_url must be an http:// or https:// address of at most 200 characters, "
                                          "without spaces, query or fragment, not '" + url.substr(0, 200) + "'");
    auto const host = url.substr(url.find("://") + 3);
    if (host.empty() || host.front() == '/') in.fail(centre.get("public_url"), "public_url names no host: '" + url + "'");
    while (url.ends_with('/')) url.pop_back();
    return url;
}

// [central] (docs/CENTRAL.md#configuration): absent, the centre forwards nothing.
void read_central(reader const& in, toml::table const& root, net::settings& s) {
    auto const* central = root.get_as<toml::table>("central");
    if (!central) return;
    net::central_settings c;
    c.connection = in.get<std::string>(*central, "connection");
    if (c.connection.empty() || c.connection.size() > 4096)
        in.fail(central->get("connection"), "connection is 1 to 4096 characters");
    c.centre_id = in.get<std::string>(*central, "centre_id");
    bool plain = !c.centre_id.empty() && c.centre_id.size() <= 64;
    for (char ch : c.centre_id)
        plain = plain && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.');
    if (!plain) in.fail(central->get("centre_id"), "centre_id is 1 to 64 letters, digits, '-', '_' or '.'");
    auto batch = in.get<std::int64_t>(*central, "batch_events", 1000);
    if (batch < 1 || batch > 100'000) in.fail(central->get("batch_events"), "batch_events is 1 to 100000");
    c.batch_events = static_cast<std::size_t>(batch);
    s.central = std::move(c);
}

}  // namespace

net::settings load_config(std::string const& path) {
    std::ifstream file{path, std::ios::binary};
    if (!file) throw config_error(path + ": cannot be read");
    std::string text;
    text.resize(net::max_config_bytes + 1);
    file.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(file.gcount()));
    return parse_config(text, path);
}

net::settings parse_config(std::string const& file_text, std::string const& path) {
    reader in(path);
    if (file_text.size() > net::max_config_bytes)
        throw config_error(path + ": over " + std::to_string(net::max_config_bytes / 1024) + " KiB; a configuration file is smaller");
    if (auto problem = screen_toml(file_text); !problem.empty()) throw config_error(path + ":" + problem);
    toml::table root;
    try {
        root = toml::parse(file_text, path);
    } catch (toml::parse_error const& e) {
        if (!e.source().begin) throw config_error(path + ": " + std::string(e.description()));  // unreadable
        throw config_error(path + ":" + std::to_string(e.source().begin.line) + ":" +
                           std::to_string(e.source().begin.column) + ": " + std::string(e.description()));
    }
    if (auto unknown = find_unknown_key(root)) in.fail(unknown->where, unknown->problem);
    net::settings s;
    auto const* centre = root.get_as<toml::table>("centre");
    if (!centre) in.fail(&root, "the [centre] table is missing");
    s.profile = {.id = in.get<std::string>(*centre, "id"), .name = in.get<std::string>(*centre, "name"),
                 .time_zone = in.get<std::string>(*centre, "time_zone"),
                 .opening = in.get<std::string>(*centre, "opening", std::string("08:00")),
                 .closing = in.get<std::string>(*centre, "closing", std::string("20:00"))};
    for (auto const& language : in.array(*centre, "languages")) {
        auto text = language.value<std::string>().value_or("");
        if (text.empty() || text.size() > 16) in.fail(&language, "a language is a code of 1 to 16 bytes such as \"en\"");
        // Every service is named in each language, and a name is given in at most max_names.
        if (s.profile.languages.size() == core::max_names)
            in.fail(&language, "a centre has at most " + std::to_string(core::max_names) + " languages");
        if (std::find(s.profile.languages.begin(), s.profile.languages.end(), text) != s.profile.languages.end())
            in.fail(&language, "language '" + text + "' is listed twice");
        s.profile.languages.push_back(text);
    }
    if (s.profile.languages.empty()) in.fail(centre, "at least one language is needed");
    s.public_boards = in.get<bool>(*centre, "public_boards", true);
    s.profile.public_url = public_url(in, *centre);
    try {
        s.centre.rules.utc_offset = utc_offset_of(s.profile.time_zone);
    } catch (config_error const& e) {
        in.fail(centre->get("time_zone"), e.what());
    }
    s.centre.rules.day_start = in.minutes(*centre, "day_start_minutes", 0);
    // The engine judges tickets and closing time by these (core/opening_hours.hpp).
    s.centre.rules.opening = in.clock(*centre, "opening", s.profile.opening);
    s.centre.rules.closing = in.clock(*centre, "closing", s.profile.closing);
    if (auto const* rules = root.get_as<toml::table>("rules")) {
        auto& r = s.centre.rules;
        r.max_recalls = in.integer(*rules, "max_recalls", r.max_recalls, 0, 100);
        r.max_priority_streak = in.integer(*rules, "max_priority_streak", r.max_priority_streak, 1, 100);
        r.normal_per_priority = in.integer(*rules, "normal_per_priority", r.normal_per_priority, 0, core::max_normal_per_priority);
        r.number_digits = in.integer(*rules, "number_digits", r.number_digits, 1, 6);
        r.appointment_early = in.minutes(*rules, "appointment_early_minutes", 5);
        r.alert_horizon = std::chrono::minutes(in.integer(*rules, "alert_horizon_minutes", 20, 1, 240));
        r.last_ticket_cutoff = in.get<bool>(*rules, "last_ticket_cutoff", true);  // docs/DOMAIN.md#last-ticket-cut-off
    }
    if (auto problem = core::validate_rules(s.centre.rules); !problem.empty()) {  // name the line at fault
        if (problem.starts_with("rules need a day start")) in.fail(centre->get("day_start_minutes"), problem);
        auto const* at = centre->get("closing") ? centre->get("closing") : centre->get("opening");
        if (s.centre.rules.opening >= std::chrono::hours(24) && centre->get("opening")) at = centre->get("opening");
        in.fail(at ? at : centre, "opening \"" + s.profile.opening + "\", closing \"" + s.profile.closing + "\": " + problem);
    }
    if (auto const* server = root.get_as<toml::table>("server")) {
        auto& l = s.limit;
        l.hello_timeout = std::chrono::seconds(in.get<std::int64_t>(*server, "hello_timeout_seconds", l.hello_timeout.count()));
        l.idle_timeout = std::chrono::seconds(in.get<std::int64_t>(*server, "idle_timeout_seconds", l.idle_timeout.count()));
        l.max_queued_bytes = static_cast<std::size_t>(in.get<std::int64_t>(*server, "max_queued_kib", 1024)) * 1024;
        l.max_frame_bytes = static_cast<std::size_t>(in.get<std::int64_t>(*server, "max_frame_kib", 64)) * 1024;
        if (l.hello_timeout.count() < 1 || l.idle_timeout.count() < 2 || l.max_queued_bytes < 16 * 1024 ||
            l.max_frame_bytes < 1024)
            in.fail(server, "limits: hello_timeout_seconds >= 1, idle_timeout_seconds >= 2, max_queued_kib >= 16, "
                            "max_frame_kib >= 1");
        if (server->get("allowed_origins"))
            for (auto const& origin : in.array(*server, "allowed_origins"))
                l.allowed_origins.push_back(origin.value<std::string>().value_or(""));
        auto cap = in.get<std::int64_t>(*server, "max_unauthenticated_per_address",
                                        static_cast<std::int64_t>(l.max_unauthenticated_per_address));
        if (cap < 0) in.fail(server->get("max_unauthenticated_per_address"), "max_unauthenticated_per_address is 0 (no cap) or more");
        l.max_unauthenticated_per_address = static_cast<std::size_t>(cap);
        if (server->get("trusted_proxies"))
            for (auto const& node : in.array(*server, "trusted_proxies")) {
                auto text = node.value<std::string>();
                boost::system::error_code bad;
                if (text) boost::asio::ip::make_address(*text, bad);
                if (!text || bad) in.fail(&node, "a trusted proxy is an IP address without a port, e.g. \"127.0.0.1\"");
                l.trusted_proxies.push_back(*text);
            }
        if (server->get("public_names"))
            for (auto const& node : in.array(*server, "public_names")) {
                auto text = node.value<std::string>();
                if (!text || !net::parse_host(*text))
                    in.fail(&node, "a public name is a host or host:port, e.g. \"queue.example.az\" (no scheme, no path)");
                l.public_names.push_back(*text);
            }
        l.metrics_token = in.get<std::string>(*server, "metrics_token", std::string());
        if (!l.metrics_token.empty() && l.metrics_token.size() < 16)
            in.fail(server->get("metrics_token"), "a metrics token needs at least 16 characters");
        l.max_subscriptions = static_cast<std::size_t>(in.get<std::int64_t>(*server, "max_subscriptions", 8));
        if (l.max_subscriptions < 1 || l.max_subscriptions > 1000) in.fail(server, "max_subscriptions is 1 to 1000");
    }
    if (auto const* store = root.get_as<toml::table>("store")) {
        auto days = in.get<std::int64_t>(*store, "retention_days", 0);
        if (days < 0 || days > 36'500) in.fail(store->get("retention_days"), "retention_days is 0 (keep) to 36500");
        s.retention_days = static_cast<int>(days);
    }
    read_services(in, root, s);
    read_counters(in, root, s);
    s.centre.reasons = read_reasons(path, root, s.profile.languages);
    if (auto problem = core::validate(s.centre); !problem.empty()) in.fail(&root, problem);
    read_booking(path, root, s);
    read_people(in, root, s);
    read_central(in, root, s);
    return s;
}

void add_user(std::string const& path, std::string const& name, net::role kind, std::string const& secret) {
    auto s = load_config(path);  // the file must be good before it is touched
    for (auto const& u : s.users)
        if (u.name == name) throw config_error(path + ": user '" + name + "' exists already");
    // toml++ quotes it, so a name the log takes (quotes and backslashes too) is one the file takes.
    toml::table entry{{"name", name}, {"role", std::string(net::name(kind))}, {"secret", net::hash_secret(secret)}};
    std::ofstream out(path, std::ios::app);
    out << "\n[[users]]\n" << entry << "\n";
    if (!out) throw config_error(path + ": cannot append the user");
}

}  // namespace novbe::app
