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
    }
    return "unknown_error";
}

namespace {

// Sentences a clerk or a citizen can act on; the protocol carries them as the error's message.
std::string sentence(errc e) {
    switch (e) {
    case errc::unknown_service: return "There is no such service in this centre.";
    case errc::unknown_counter: return "There is no such counter in this centre.";
    case errc::unknown_ticket: return "There is no such ticket today.";
    case errc::counter_closed: return "The counter is closed; open it first.";
    case errc::counter_already_open: return "The counter is already open.";
    case errc::counter_paused: return "The counter is paused; resume it first.";
    case errc::counter_not_paused: return "The counter is not paused.";
    case errc::counter_busy: return "The counter still has a ticket; finish it first.";
    case errc::counter_idle: return "The counter has no current ticket.";
    case errc::service_not_at_counter: return "This counter does not serve that ticket's service.";
    case errc::nothing_waiting: return "Nobody is waiting for the services of this counter.";
    case errc::ticket_not_waiting: return "The ticket is not waiting (already called, served or cancelled).";
    case errc::ticket_not_called: return "The ticket has not been called, or service has already started.";
    case errc::ticket_not_serving: return "Service of the ticket has not started.";
    case errc::recall_limit_reached: return "The ticket has been recalled as often as allowed.";
    case errc::same_service: return "The ticket is already in that service.";
    case errc::ticket_not_done: return "Only a ticket whose service is complete can be rated.";
    case errc::already_rated: return "This service has already been rated.";
    case errc::invalid_rating: return "A rating is a whole number from 1 to 5.";
    case errc::invalid_argument: return "The request is missing a required value or has one out of range.";
    case errc::duplicate_token: return "The ticket token is already in use.";
    case errc::clerk_required: return "A counter can only be opened by a signed-in clerk.";
    case errc::counter_not_yours: return "This counter belongs to another clerk; a manager can take it over.";
    case errc::centre_closed: return "The centre is closed; no tickets are issued now.";
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
