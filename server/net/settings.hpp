#pragma once
// What the server knows of the centre beyond the engine's rules: its public profile, the
// devices and people the file seeds the log with (docs/SETUP.md: once running, the log's
// roster is who may sign in), and the edge's limits. Plain values, read from the configuration
// file by the app layer.
#include "core/booking_config.hpp"
#include "core/config.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace novbe::net {

// The most a configuration file may hold, read at start or on SIGHUP or sent in CheckConfig.
constexpr std::size_t max_config_bytes = 1024 * 1024;

enum class role : std::uint8_t { kiosk, clerk, board, manager, admin, ticket_holder, rating_device };

std::string_view name(role r);

// How a service is presented: grouped by agency on the kiosk menu.
struct service_profile {
    std::string agency;
    std::map<std::string, std::string> agency_names;  // language -> name
};

struct centre_profile {
    std::string id;
    std::string name;
    std::string time_zone;               // IANA name, e.g. "Asia/Baku"
    std::vector<std::string> languages;  // the first is the default
    std::string opening;                 // "08:00", local
    std::string closing;                 // "20:00", local: waiting tickets close unserved
    std::string public_url;              // "https://...", no trailing slash; empty: not configured
    std::vector<service_profile> services;  // parallel to core::centre_config::services
};

// A kiosk, board or rating pad, known by the secret token configured on it.
struct device {
    std::string name;
    role kind = role::kiosk;
    std::string token;
    core::counter_number counter = 0;  // rating devices: the counter they stand on
    bool revoked = false;              // `revoked = true`: revoke it in the log (docs/SETUP.md)
};

// A clerk, manager or administrator; the secret is stored only as a crypto_pwhash string.
struct user {
    std::string name;
    role kind = role::clerk;
    std::string secret_hash;
    bool disabled = false;  // `disabled = true`: disable them in the log (docs/SETUP.md)
};

// The server's own limits and the policy of its network edge, from the [server] table.
struct limits {
    std::size_t max_frame_bytes = 64 * 1024;       // a ClientMessage is far smaller (close 1009)
    std::size_t max_queued_bytes = 1024 * 1024;    // a client that reads slower is dropped (4002)
    std::chrono::seconds hello_timeout{10};        // close 4001 without a Hello by then
    std::chrono::seconds idle_timeout{60};         // pinged after half of it; dropped once silent for all of it (+ up to 1/4)
    int max_bad_messages = 3;                      // then close 1008
    std::size_t max_subscriptions = 8;             // per connection: a board needs one, a dashboard two
    std::vector<std::string> allowed_origins;      // browser pages from elsewhere, e.g. "https://asan.example"
    // Connections from one client address that have not signed in (plain HTTP ones included);
    // more are refused at once. 0: no cap.
    std::size_t max_unauthenticated_per_address = 64;
    std::vector<std::string> trusted_proxies;      // IP addresses whose X-Forwarded-For / Forwarded is believed
    std::vector<std::string> public_names;         // "host" or "host:port" a request's Host may name; empty: loopback
    std::string metrics_token;                     // Bearer token for /metrics; empty: loopback peers only
    std::size_t max_header_bytes = 8 * 1024;       // a request's line and headers together (431)
    std::size_t max_target_bytes = 4 * 1024;       // its URL (414)
};

// One portal allowed to book: its name (kept with each of its bookings) and the SHA-256 of its
// API key in hex (`[[portal]] name`, `key_sha256`), so the configuration holds no key.
struct portal_key {
    std::string name;
    std::string key_sha256;
    bool operator==(portal_key const&) const = default;
};

// [central]: forwarding of the durable log to a central PostgreSQL (docs/CENTRAL.md#configuration).
struct central_settings {
    std::string connection;           // a libpq URI ("postgresql://...") or keyword string
    std::string centre_id;            // this centre's name in the network, e.g. "baku-1"
    std::size_t batch_events = 1000;  // events per central transaction
};

struct settings {
    limits limit;
    core::centre_config centre;
    centre_profile profile;
    std::vector<device> devices;
    std::vector<user> users;
    bool public_boards = true;  // boards may connect without a device token
    int retention_days = 0;     // [store] retention_days: citizens' personal data erased after this many days; 0 keeps it
    // The centre's secret for stamping ticket tokens with their day (32 bytes, kept in the data
    // folder): a token of an earlier day is then told apart from a guessed one. Empty: no stamp.
    std::string token_key;
    std::optional<central_settings> central;  // no [central]: no forwarding
    // [booking] and each service's booking keys (docs/DOMAIN.md#appointments); unset: no
    // [booking] table, nothing bookable (core::booking_config::none).
    std::optional<core::booking_config> booking;
    std::vector<portal_key> portals;  // [[portal]]: who may use the booking API
    // The phone page's route, per client address (docs/DOMAIN.md#phone-bookings): [booking]
    // phone_bookings_per_address (a day) and phone_requests_per_minute.
    int phone_bookings_per_address = 3;
    int phone_requests_per_minute = 60;
};

}  // namespace novbe::net
