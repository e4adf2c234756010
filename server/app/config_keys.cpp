#include "config_keys.hpp"

#include <algorithm>
#include <vector>

namespace novbe::app {

namespace {

// The table of known keys. To add a key: one line here, beside its table's others, then read it
// in config_file.cpp (server/app/README.md says so too).
constexpr std::string_view keys[] = {
    "centre.id", "centre.name", "centre.time_zone", "centre.languages", "centre.opening", "centre.closing",
    "centre.public_boards", "centre.day_start_minutes", "centre.public_url",

    "store.retention_days",

    "rules.max_recalls", "rules.max_priority_streak", "rules.normal_per_priority", "rules.number_digits", "rules.appointment_early_minutes",
    "rules.alert_horizon_minutes",  // docs/DOMAIN.md#alerts-before-a-breach
    "rules.last_ticket_cutoff",     // docs/DOMAIN.md#last-ticket-cut-off

    "agencies.*.*",  // [agencies.ID] with a name per language

    "services.id", "services.prefix", "services.agency", "services.names.*", "services.target_wait_minutes",
    "services.max_wait_minutes", "services.service_minutes",
    // A service's own booking rules over [booking]'s (docs/DOMAIN.md#capacity)
    "services.bookable", "services.booking_daily_cap", "services.booking_slot_minutes", "services.booking_counters",
    "services.booking_walk_in_percent", "services.booking_max_overbook_percent",

    "counters.number", "counters.name", "counters.services", "counters.policy", "counters.normal_per_priority",
    "counters.breaks.at", "counters.breaks.minutes",  // the counter's plan: docs/DOMAIN.md#the-counters-plan

    "server.hello_timeout_seconds", "server.idle_timeout_seconds", "server.max_queued_kib", "server.max_frame_kib",
    "server.allowed_origins", "server.max_unauthenticated_per_address", "server.trusted_proxies",
    "server.public_names", "server.metrics_token", "server.max_subscriptions",

    "devices.name", "devices.role", "devices.token", "devices.counter",
    "devices.revoked",  // docs/SETUP.md: the file may revoke, never un-revoke

    "users.name", "users.role", "users.secret",
    "users.disabled",  // docs/SETUP.md: the file may disable, never enable again

    "reasons.code", "reasons.names.*",  // out-of-order actions' codes (docs/DOMAIN.md#reasons)

    "central.connection", "central.centre_id", "central.batch_events",  // docs/CENTRAL.md

    // Appointments (docs/DOMAIN.md#appointments) and the portals of the booking API (docs/booking-api.yaml)
    "booking.days_ahead", "booking.slot_minutes", "booking.walk_in_percent", "booking.max_overbook_percent",
    "booking.check_in_before_minutes", "booking.check_in_after_minutes", "booking.no_show_minimum",
    "booking.holidays", "booking.hours.*", "booking.exceptions.*",
    "booking.phone_bookings_per_address", "booking.phone_requests_per_minute",
    "portal.name", "portal.key_sha256",
};

// The top-level keys written as lists of tables ([[services]]); the other tables are one each.
constexpr std::string_view lists[] = {"services", "counters", "devices", "users", "reasons", "portal"};

bool is_list(std::string_view top) { return std::find(std::begin(lists), std::end(lists), top) != std::end(lists); }

using path = std::vector<std::string_view>;

std::vector<path> const& known_paths() {
    static auto const paths = [] {
        std::vector<path> out;
        for (auto key : keys) {
            path p;
            for (std::size_t from = 0;;) {
                auto dot = key.find('.', from);
                p.push_back(key.substr(from, dot - from));
                if (dot == std::string_view::npos) break;
                from = dot + 1;
            }
            out.push_back(std::move(p));
        }
        return out;
    }();
    return paths;
}

// Whether the known path `known` begins with `p`, segment by segment ("*" matches any).
bool starts_with(path const& known, path const& p) {
    if (known.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (known[i] != "*" && known[i] != p[i]) return false;
    return true;
}

enum class kind { unknown, leaf, table };

kind kind_of(path const& p) {
    auto result = kind::unknown;
    for (auto const& known : known_paths())
        if (starts_with(known, p)) {
            if (known.size() > p.size()) return kind::table;
            result = kind::leaf;
        }
    return result;
}

// Edits (insert, delete, replace) from a to b: how near a typo is to a known name.
std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        auto diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            auto up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// The known name at this level nearest to a typo, if it is near enough to be meant.
std::string_view nearest(path const& parent, std::string_view typo) {
    std::string_view best;
    auto best_distance = std::max<std::size_t>(2, typo.size() / 4) + 1;
    for (auto const& known : known_paths()) {
        if (known.size() <= parent.size() || !starts_with(known, parent) || known[parent.size()] == "*") continue;
        if (auto d = distance(typo, known[parent.size()]); d < best_distance) best = known[parent.size()], best_distance = d;
    }
    return best;
}

// " in [rules]", or for an entry of a list of tables " in [[services]] 'passport'", named by
// what names it, as the reader would look for it in the file.
std::string where_in(path const& parent, toml::table const& t, bool in_list) {
    if (parent.empty()) return "";
    std::string table;
    for (auto segment : parent) table += (table.empty() ? "" : ".") + std::string(segment);
    if (!in_list) return " in [" + table + "]";
    for (auto key : {"id", "number", "name"})
        if (auto const* n = t.get(key)) {
            if (auto text = n->value<std::string>()) return " in [[" + table + "]] '" + *text + "'";
            if (auto number = n->value<std::int64_t>()) return " in [[" + table + "]] " + std::to_string(*number);
        }
    return " in [[" + table + "]]";
}

std::string unknown(path const& p, toml::key const& key, toml::node const& node, toml::table const& t, bool in_list) {
    path parent(p.begin(), p.end() - 1);
    auto name = std::string(key.str());
    auto near = std::string(nearest(parent, key.str()));
    if (parent.empty() && node.is_array_of_tables())
        return "unknown list [[" + name + "]]" + (near.empty() ? "" : " (did you mean [[" + near + "]]?)");
    if (node.is_table() && !in_list) {
        std::string dotted;
        for (auto segment : p) dotted += (dotted.empty() ? "" : ".") + std::string(segment);
        return "unknown table [" + dotted + "]" + (near.empty() ? "" : " (did you mean [" + near + "]?)");
    }
    return "unknown key '" + name + "'" + where_in(parent, t, in_list) + (near.empty() ? "" : " (did you mean '" + near + "'?)");
}

void walk(toml::table const& t, path& p, bool in_list, std::vector<unknown_key>& found);

void walk_node(toml::node const& node, path& p, std::vector<unknown_key>& found) {
    if (auto const* table = node.as_table()) return walk(*table, p, false, found);
    if (auto const* list = node.as_array())
        for (auto const& element : *list)
            if (auto const* entry = element.as_table()) walk(*entry, p, true, found);
}

void walk(toml::table const& t, path& p, bool in_list, std::vector<unknown_key>& found) {
    for (auto const& [key, node] : t) {
        p.push_back(key.str());
        auto k = kind_of(p);
        if (k == kind::unknown) {
            found.push_back({key.source(), unknown(p, key, node, t, in_list)});
        } else if (k == kind::table) {
            auto name = "'" + std::string(key.str()) + "'";
            bool top = p.size() == 1, empty_list = node.is_array() && node.as_array()->empty();
            if (top && is_list(p[0]) && !node.is_array_of_tables() && !empty_list)
                found.push_back({key.source(), name + " is a list of tables: write each entry under [[" + std::string(p[0]) + "]]"});
            else if (top && !is_list(p[0]) && !node.is_table())
                found.push_back({key.source(), name + " is a table: write its keys under one [" + std::string(p[0]) + "]"});
            else if (!top && !node.is_table() && !node.is_array_of_tables() && !empty_list)  // lists: [[counters]] breaks
                found.push_back({key.source(), name + where_in(path(p.begin(), p.end() - 1), t, in_list) + " is a table, not a value"});
            else walk_node(node, p, found);
        }
        p.pop_back();
    }
}

}  // namespace

std::span<std::string_view const> known_config_keys() { return keys; }

std::optional<unknown_key> find_unknown_key(toml::table const& root) {
    path p;
    std::vector<unknown_key> found;  // a table's keys come sorted by name: the file's order is the lines'
    walk(root, p, false, found);
    auto first = std::min_element(found.begin(), found.end(), [](auto const& a, auto const& b) {
        return std::pair(a.where.begin.line, a.where.begin.column) < std::pair(b.where.begin.line, b.where.begin.column);
    });
    if (first == found.end()) return std::nullopt;
    return *first;
}

}  // namespace novbe::app
