#pragma once
// The core's expected refusals: values, not exceptions, usable as std::error_code.
#include <string_view>
#include <system_error>

namespace novbe::core {

enum class errc {
    unknown_service = 1,
    unknown_counter,
    unknown_ticket,
    counter_closed,
    counter_already_open,
    counter_paused,
    counter_not_paused,
    counter_busy,
    counter_idle,
    service_not_at_counter,
    nothing_waiting,
    ticket_not_waiting,
    ticket_not_called,
    ticket_not_serving,
    recall_limit_reached,
    same_service,
    ticket_not_done,
    already_rated,
    invalid_rating,
    invalid_argument,
    duplicate_token,
    clerk_required,
    counter_not_yours,  // the counter belongs to another user until closed or taken over
    centre_closed,      // outside opening hours, or the day is closed: no tickets
    reason_required,    // an out-of-order action without a reason code (docs/DOMAIN.md#reasons)
    unknown_reason,     // a reason code the centre does not list
    last_admin,         // the last enabled admin cannot be disabled or demoted (docs/SETUP.md)
    duplicate_name,     // a user or device of that name exists
    unknown_user,
    unknown_device,     // no device of that name that is not revoked
    // Services and counters at runtime (docs/SETUP.md#services-and-counters-at-runtime):
    service_has_waiting,  // a service cannot be retired while people wait in its line
    service_retired,      // a retired service takes no tickets and no changes
    counter_retired,      // a retired counter opens no more and takes no changes
    counter_in_use,       // a counter cannot be retired while open or with a ticket at it
    prefix_taken,         // another service, retired or not, has that prefix
    setup_limit_reached,  // the centre has as many services (or counters) as it may, retired ones too
    last_service,  // the centre's last service, or one a counter serves alone, cannot be retired
    service_has_bookings,  // a service cannot be retired while it holds active bookings
    // Hours and holidays at runtime (docs/SETUP.md#hours-and-holidays):
    day_has_bookings,   // the change would leave active bookings outside the centre's hours
    date_out_of_range,  // a holiday's or exception's date before today or over a year ahead
    // A walk-in ticket whose predicted call falls after today's closing (docs/DOMAIN.md#last-ticket-cut-off).
    last_ticket_passed,
};

// A stable machine name ("nothing_waiting") for logs and the protocol's error names.
std::string_view name(errc e);

std::error_category const& core_category();
inline std::error_code make_error_code(errc e) { return {static_cast<int>(e), core_category()}; }

}  // namespace novbe::core

template <>
struct std::is_error_code_enum<novbe::core::errc> : std::true_type {};
