#pragma once
// What people ask of the centre. Plain values: time and random tokens come in from outside.
#include "calendar.hpp"
#include "config.hpp"
#include "roster.hpp"
#include "ticket.hpp"

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace novbe::core {

struct issue_ticket {
    service_index service = 0;
    priority_class cls = priority_class::normal;
    std::string language;
    ticket_token token;
    std::optional<time_point> due;  // required for appointments, refused otherwise
};
// A counter belongs to the clerk who opened it until it is closed or taken over: every command
// that works a counter names the acting user in `by`, and decide() refuses anyone else
// (counter_not_yours), an empty `by` included.
struct open_counter { counter_number counter = 0; std::string clerk; };
struct close_counter { counter_number counter = 0; std::string by; };
struct pause_counter { counter_number counter = 0; std::string reason; std::string by; };
struct resume_counter { counter_number counter = 0; std::string by; };
struct call_next { counter_number counter = 0; std::string by; };
// Out of order: `reason` is one of the centre's codes (docs/DOMAIN.md#reasons), or it is refused.
struct call_ticket { counter_number counter = 0; std::string number; std::string by; std::string reason; };
struct recall_ticket { counter_number counter = 0; std::string by; };
struct start_serving { counter_number counter = 0; std::string by; };
struct complete_service { counter_number counter = 0; std::string outcome; std::string by; };
struct mark_no_show { counter_number counter = 0; std::string by; };
struct transfer_ticket { counter_number counter = 0; service_index to = 0; std::string by; };
// A manager (the role is checked by the server) takes an open counter over from its clerk.
// `reason` is the taker's words, `code` one of the centre's reasons (docs/DOMAIN.md#reasons).
struct take_over_counter { counter_number counter = 0; std::string by; std::string reason; std::string code; };
// Staff cancel with a reason code; a ticket holder cancels their own without one.
struct cancel_ticket { std::string number; std::string reason; bool by_holder = false; };
struct rate_service { ticket_token token; int score = 0; };
struct rate_at_counter { counter_number counter = 0; int score = 0; };  // the counter's last served ticket
struct close_day {};  // closing time: everyone still waiting is closed unserved; once a day
// A manager's line for the hall boards ("Counter 4 closes at 16:00"), at most
// max_hall_message bytes, one line; empty clears it. `by` is who set it, kept in the log.
struct set_hall_message { std::string text; std::string by; };
inline constexpr std::size_t max_hall_message = 200;
// Time passes: rolls the day over when a new one has begun, and closes the day once closing
// time (centre_rules::closing) has come, unless it is closed already.
struct tick {};

// The set-up at runtime (docs/SETUP.md): an admin's commands (the server checks the role), each
// naming who made it in `by`. Secrets and tokens come hashed.
struct add_user { std::string name; staff_role role = staff_role::clerk; std::string secret_hash; std::string by; };
// Only what is set changes: a role, a new secret, disabled or enabled again.
struct change_user {
    std::string name;
    std::optional<staff_role> role;
    std::optional<std::string> secret_hash;
    std::optional<bool> disabled;
    std::string by;
};
struct add_device {
    std::string name;
    device_kind kind = device_kind::kiosk;
    std::string token_hash;
    counter_number stands_at = 0;  // rating pads only
    std::string by;
};
// A device not revoked, by its name: renamed, or revoked for good.
struct change_device { std::string name; std::optional<std::string> rename; bool revoke = false; std::string by; };

// A manager (the role is checked by the server) moves a waiting ticket to another service's line,
// with one of the centre's reason codes (docs/DOMAIN.md#transfer): logged as a transfer from no
// counter, with its reason.
struct move_ticket { std::string number; service_index to = 0; std::string reason; };
// Services and counters at runtime (docs/SETUP.md#services-and-counters-at-runtime), an admin's.
// A new service keeps its id and prefix for good; only what is set changes.
struct add_service { service_config config; std::string by; };
struct change_service {
    std::string id;
    std::optional<std::map<std::string, std::string>> names;  // replaces every language's name
    std::optional<duration> target_wait, max_wait;
    std::optional<std::string> agency;
    std::optional<std::map<std::string, std::string>> agency_names;
    std::string by;
};
// Refused while anyone waits in its line; the counters serving it stop serving it.
struct retire_service { std::string id; std::string by; };
struct add_counter { counter_config config; std::string by; };
struct change_counter {
    counter_number number = 0;
    std::optional<std::string> name;
    std::optional<std::vector<service_index>> services;  // in the order to serve them
    std::optional<routing_policy> policy;
    std::string by;
};
// Refused while it is open or a ticket is at it.
struct retire_counter { counter_number number = 0; std::string by; };
// Hours and holidays at runtime (docs/SETUP.md#hours-and-holidays), an admin's: the week's hours
// (nullopt: closed that weekday), a date closed all day or open again, a date's other hours
// (nullopt: the exception removed). Refused when an active booking would fall outside the hours.
struct set_weekly_hours { std::array<std::optional<day_hours>, 7> weekly; std::string by; };
struct set_holiday { day_number day = 0; bool holiday = true; std::string by; };
struct set_exception { day_number day = 0; std::optional<day_hours> hours; std::string by; };

using command = std::variant<issue_ticket, open_counter, close_counter, pause_counter, resume_counter, call_next,
                             call_ticket, recall_ticket, start_serving, complete_service, mark_no_show,
                             transfer_ticket, cancel_ticket, rate_service, rate_at_counter, close_day, tick,
                             take_over_counter, set_hall_message, add_user, change_user, add_device, change_device,
                             move_ticket, add_service, change_service, retire_service, add_counter, change_counter,
                             retire_counter, set_weekly_hours, set_holiday, set_exception>;

}  // namespace novbe::core
