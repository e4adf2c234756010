#pragma once
// What the centre offers: services, counters and the rules that tune routing. The rules are
// static for a run; services and counters are seeded from the file and then changed at runtime
// by the set-up commands (docs/SETUP.md#services-and-counters-at-runtime), so that a centre's
// copy of them is engine state, kept in the log and in snapshots.
#include "time.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace novbe::core {

using namespace std::chrono_literals;

using service_index = std::uint16_t;   // position in centre_config::services
using counter_number = std::uint32_t;  // the number painted above the counter

enum class routing_policy : std::uint8_t {
    longest_wait_first,    // the most deserving ticket among all the counter's services
    strict_service_order,  // the first of the counter's services that has anyone waiting
};

// One service citizens take tickets for, e.g. "passport" with prefix "A".
struct service_config {
    std::string id;
    std::string prefix;
    std::map<std::string, std::string> names;  // language -> name shown to citizens
    duration target_wait = 15min;
    duration max_wait = 45min;  // a normal ticket waiting longer overtakes priority ones
    duration default_service_time = 5min;  // the estimate's prior, blended with real service times
    std::string agency;                           // groups services on the kiosk menu; empty: none
    std::map<std::string, std::string> agency_names;  // language -> the agency's name
    // Retired (docs/SETUP.md#services-and-counters-at-runtime): keeps its place, history and
    // figures, takes no new tickets and is not offered at kiosks. Never un-retired.
    bool retired = false;
    bool operator==(service_config const&) const = default;
};

// A pause a counter's plan says is due (docs/DOMAIN.md#the-counters-plan), e.g. a lunch break:
// from `at` (local clock, after midnight) for `length`.
struct planned_break {
    std::chrono::minutes at{0};
    duration length{};
    bool operator==(planned_break const&) const = default;
};
inline constexpr std::size_t max_planned_breaks = 16;

// One counter and the services it serves, in its preferred order.
struct counter_config {
    counter_number number = 0;
    std::string name;
    std::vector<service_index> services;
    routing_policy policy = routing_policy::longest_wait_first;
    std::optional<int> normal_per_priority;  // this counter's ratio rule; unset: the centre's
    bool retired = false;  // keeps its number and history, opens no more (docs/SETUP.md)
    std::vector<planned_break> breaks;  // its plan's pauses, in order, not overlapping
    bool operator==(counter_config const&) const = default;
};

inline constexpr int max_normal_per_priority = 100;  // the ratio rule's k, at most

// A reason staff must give for an out-of-order action (docs/DOMAIN.md#reasons): a code the log
// keeps ("elderly") and its name per language for the pages.
struct reason_config {
    std::string code;
    std::map<std::string, std::string> names;  // language -> name
    bool operator==(reason_config const&) const = default;
};
inline constexpr std::size_t max_reasons = 50;
inline constexpr std::size_t max_reason_code = 32;
// The set a centre gets when its configuration lists none, named in az, en, ru, fr and rw.
std::vector<reason_config> default_reasons();

// The domain rules' tunable numbers (docs/DOMAIN.md#configuration-at-a-glance).
struct centre_rules {
    int max_recalls = 2;
    int max_priority_streak = 3;  // priority calls in a row at one counter before a normal one
    int normal_per_priority = 0;  // normal calls owed after each priority call; 0: no ratio rule
    int number_digits = 3;        // A001
    std::chrono::minutes utc_offset{0};
    std::chrono::minutes day_start{0};
    // Opening hours in minutes after local midnight; tickets are issued from opening until
    // closing (opening_hours.hpp). Closing may pass midnight (25:00 is 01:00 the next morning)
    // if the day starts after it. Hours spanning 24:00 or more mean open all day: the default.
    std::chrono::minutes opening{0};
    std::chrono::minutes closing{24h};
    duration appointment_early = 5min;  // an appointment counts as due this long before its time
    std::size_t service_time_window = 20;  // completed services blended into the estimate
    std::size_t recent_calls = 10;         // calls the board remembers
    // A breach predicted this far ahead raises a dashboard alert (docs/DOMAIN.md#alerts-before-a-breach).
    duration alert_horizon = 20min;
    // Walk-in tickets stop when their predicted call falls after today's closing, and the
    // refusal offers the next open day's first free booking (docs/DOMAIN.md#last-ticket-cut-off).
    bool last_ticket_cutoff = true;
    bool operator==(centre_rules const&) const = default;
};

struct centre_config {
    std::vector<service_config> services;
    std::vector<counter_config> counters;
    centre_rules rules;
    std::vector<reason_config> reasons = default_reasons();

    bool knows_reason(std::string_view code) const;
    std::optional<service_index> find_service(std::string_view id) const;
    std::optional<service_index> find_prefix(std::string_view prefix) const;
    counter_config const* find_counter(counter_number number) const;
    bool operator==(centre_config const&) const = default;
};

// Empty when the configuration is usable; otherwise a sentence naming the first problem.
struct setup_caps;
std::string validate(centre_config const& config, setup_caps caps);
// With a file's caps.
std::string validate(centre_config const& config);
// Parts of validate(), so that a configuration file's reader can name the line at fault.
std::string validate_service(service_config const& s);
// What a new service's id may be, in the file and at runtime alike: 1 to 64 ASCII letters,
// digits, '_' and '-' (it goes into URLs, CSV, the file's export and scripts' command lines).
// Empty when it is one; otherwise a sentence naming the id. Services already in a log keep
// theirs (the stored set-up is read as validate_service reads it).
std::string service_id_problem(std::string_view id);
std::string validate_breaks(std::vector<planned_break> const& breaks);  // a counter's plan
std::string validate_rules(centre_rules const& r);
// A counter's own values (number, name, services known to `config`, ratio rule).
std::string validate_counter(counter_config const& c, centre_config const& config);

// What a centre may set up (the file, the set-up commands), retired ones counted: an ASAN centre
// has some dozens of each. Every Hello's Welcome and every set-up reply carries them all (a
// 1000-service centre's was 1.09 MB); at these caps the worst is measured in
// tests/unit/app/welcome_size_test.cpp. A log an older server wrote with more (up to the
// `_in_log` bounds) still replays; it takes no more until it is under the cap again.
inline constexpr std::size_t max_services = 100;
inline constexpr std::size_t max_counters = 100;
inline constexpr std::size_t max_counter_services = 16;  // services one counter serves
inline constexpr std::size_t max_services_in_log = 1000;
inline constexpr std::size_t max_counters_in_log = 2000;

// How many services and counters a configuration may have: a file's caps by default; the
// simulator models larger centres, up to what the engine replays (the stress day's 800 counters
// measure the engine: bench/README.md).
struct setup_caps {
    std::size_t services = max_services;
    std::size_t counters = max_counters;
};
inline constexpr setup_caps engine_caps{max_services_in_log, max_counters_in_log};
inline constexpr std::size_t max_service_name = 128;  // bytes, per language
inline constexpr std::size_t max_names = 16;          // languages a name is given in

}  // namespace novbe::core
