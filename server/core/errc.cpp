#include "errc.hpp"

#include <string>

namespace novbe::core {

std::string_view name(errc e) {
    switch (e) {
    case errc::unknown_service: return "unknown_service";
    case errc::unknown_counter: return "unknown_counter";
    case errc::unknown_ticket: return "unknown_ticket";
    case errc::counter_closed: return "counter_closed";
    case errc::counter_already_open: return "counter_already_open";
    case errc::counter_paused: return "counter_paused";
    case errc::counter_not_paused: return "counter_not_paused";
    case errc::counter_busy: return "counter_busy";
    case errc::counter_idle: return "counter_idle";
    case errc::service_not_at_counter: return "service_not_at_counter";
    case errc::nothing_waiting: return "nothing_waiting";
    case errc::ticket_not_waiting: return "ticket_not_waiting";
    case errc::ticket_not_called: return "ticket_not_called";
    case errc::ticket_not_serving: return "ticket_not_serving";
    case errc::recall_limit_reached: return "recall_limit_reached";
    case errc::same_service: return "same_service";
    case errc::ticket_not_done: return "ticket_not_done";
    case errc::already_rated: return "already_rated";
    case errc::invalid_rating: return "invalid_rating";
    case errc::invalid_argument: return "invalid_argument";
    case errc::duplicate_token: return "duplicate_token";
    case errc::clerk_required: return "clerk_required";
    case errc::counter_not_yours: return "counter_not_yours";
    case errc::centre_closed: return "centre_closed";
    case errc::reason_required: return "reason_required";
    case errc::unknown_reason: return "unknown_reason";
    case errc::last_admin: return "last_admin";
    case errc::duplicate_name: return "duplicate_name";
    case errc::unknown_user: return "unknown_user";
    case errc::unknown_device: return "unknown_device";
    case errc::service_has_waiting: return "service_has_waiting";
    case errc::service_retired: return "service_retired";
    case errc::counter_retired: return "counter_retired";
    case errc::counter_in_use: return "counter_in_use";
    case errc::prefix_taken: return "prefix_taken";
    case errc::setup_limit_reached: return "setup_limit_reached";
    case errc::last_service: return "last_service";
    case errc::service_has_bookings: return "service_has_bookings";
    case errc::day_has_bookings: return "day_has_bookings";
    case errc::date_out_of_range: return "date_out_of_range";
    case errc::last_ticket_passed: return "last_ticket_passed";
    }
    return "unknown_error";
}

namespace {

// Sentences a clerk or a citizen can act on; the protocol carries them as the error's message.
// They are web/i18n/en.json's for the same code (the core reads no files): a unit test,
// tests/unit/client/refusal_test.cpp, fails when the two differ.
std::string sentence(errc e) {
    switch (e) {
    case errc::unknown_service: return "There is no such service in this centre.";
    case errc::unknown_counter: return "There is no such counter in this centre.";
    case errc::unknown_ticket: return "There is no such ticket today.";
    case errc::counter_closed: return "This counter is closed: open it first.";
    case errc::counter_already_open: return "This counter is open already.";
    case errc::counter_paused: return "This counter is paused: resume it first.";
    case errc::counter_not_paused: return "This counter is not paused.";
    case errc::counter_busy: return "A ticket is still at this counter: finish it first (done, no-show or transfer).";
    case errc::counter_idle: return "No ticket is at this counter: call one first.";
    case errc::service_not_at_counter: return "This counter does not serve that ticket's service.";
    case errc::nothing_waiting: return "Nobody is waiting for the services of this counter.";
    case errc::ticket_not_waiting:
        return "That ticket is not waiting any more: another counter took it, or it was cancelled.";
    case errc::ticket_not_called: return "The ticket has not been called, or its service has already started.";
    case errc::ticket_not_serving: return "Service has not started: press start when the citizen arrives.";
    case errc::recall_limit_reached: return "This ticket has been recalled as often as allowed: mark it a no-show.";
    case errc::same_service: return "The ticket is already in that service's line.";
    case errc::ticket_not_done: return "The service is not finished yet, so it cannot be rated.";
    case errc::already_rated: return "This service has been rated already.";
    case errc::invalid_rating: return "A rating is a whole number from 1 to 5.";
    case errc::invalid_argument: return "The request is missing a required value or has one out of range.";
    case errc::duplicate_token: return "The ticket token is already in use.";
    case errc::clerk_required: return "Only a signed-in clerk can open a counter.";
    case errc::counter_not_yours: return "This counter belongs to another clerk: a manager can take it over.";
    case errc::centre_closed: return "The centre is closed: no tickets are issued now.";
    case errc::reason_required: return "This takes a ticket out of its turn: choose a reason.";
    case errc::unknown_reason: return "That reason is not one of this centre's: choose one from the list.";
    case errc::last_admin: return "This is the last admin: add or enable another admin first.";
    case errc::duplicate_name: return "That name is taken already: choose another.";
    case errc::unknown_user: return "There is no such user in this centre.";
    case errc::unknown_device: return "There is no such device in this centre (or it was revoked).";
    case errc::service_has_waiting: return "People are waiting in this service's line: move them to another service first.";
    case errc::service_retired: return "This service is no longer offered here.";
    case errc::counter_retired: return "This counter has been retired.";
    case errc::counter_in_use: return "This counter is open or has a ticket at it: close it first.";
    case errc::prefix_taken: return "That prefix is another service's already: choose another.";
    case errc::setup_limit_reached: return "The centre has as many services or counters as it may (retired ones count too).";
    case errc::last_service:
        return "This is the centre's last service, or the only one a counter serves: add another service, or give that counter another (or retire it), first.";
    case errc::service_has_bookings: return "This service has active bookings: cancel them or move them to another service first.";
    case errc::day_has_bookings: return "Active bookings fall in the hours this would close: cancel or move them first.";
    case errc::date_out_of_range: return "The date must be today or later, at most a year ahead.";
    case errc::last_ticket_passed: return "Today's tickets for this service are over: the line would not reach you before closing.";
    }
    return "Unknown error.";
}

class category final : public std::error_category {
public:
    char const* name() const noexcept override { return "novbe.core"; }
    std::string message(int ev) const override { return sentence(static_cast<errc>(ev)); }
};

}  // namespace

std::error_category const& core_category() {
    static category const instance;
    return instance;
}

}  // namespace novbe::core
