#include "client/refusal.hpp"

#include <map>

namespace novbe::client {

std::string describe(v1::Error const& e) {
    static std::map<v1::ErrorCode, char const*> const words = {
        {v1::ERROR_CODE_UNAUTHENTICATED, "Not signed in: the server does not know this user, secret or device token."},
        {v1::ERROR_CODE_RATE_LIMITED, "Too many wrong secrets for this user: wait a minute and try again."},
        {v1::ERROR_CODE_UNAVAILABLE, "The server cannot be reached or is restarting: try again shortly."},
        {v1::ERROR_CODE_UNKNOWN_SERVICE, "There is no such service in this centre."},
        {v1::ERROR_CODE_UNKNOWN_COUNTER, "There is no such counter in this centre."},
        {v1::ERROR_CODE_UNKNOWN_TICKET, "There is no such ticket today."},
        {v1::ERROR_CODE_COUNTER_CLOSED, "This counter is closed: open it first."},
        {v1::ERROR_CODE_COUNTER_ALREADY_OPEN, "This counter is already open (perhaps by another clerk)."},
        {v1::ERROR_CODE_COUNTER_PAUSED, "This counter is paused: resume it first."},
        {v1::ERROR_CODE_COUNTER_NOT_PAUSED, "This counter is not paused."},
        {v1::ERROR_CODE_COUNTER_BUSY, "A ticket is still at this counter: finish it first (done, no-show or transfer)."},
        {v1::ERROR_CODE_COUNTER_IDLE, "No ticket is at this counter: call one first."},
        {v1::ERROR_CODE_SERVICE_NOT_AT_COUNTER, "This counter does not serve that ticket's service."},
        {v1::ERROR_CODE_NOTHING_WAITING, "Nobody is waiting for the services of this counter."},
        {v1::ERROR_CODE_TICKET_NOT_WAITING, "That ticket is not waiting any more: another counter took it, or it was cancelled."},
        {v1::ERROR_CODE_TICKET_NOT_CALLED, "The ticket has not been called yet."},
        {v1::ERROR_CODE_TICKET_NOT_SERVING, "Service has not started: press start when the citizen arrives."},
        {v1::ERROR_CODE_RECALL_LIMIT_REACHED, "This ticket has been recalled as often as allowed: mark it a no-show."},
        {v1::ERROR_CODE_SAME_SERVICE, "The ticket is already in that service's line."},
        {v1::ERROR_CODE_TICKET_NOT_DONE, "The service is not finished yet, so it cannot be rated."},
        {v1::ERROR_CODE_ALREADY_RATED, "This service has been rated already."},
        {v1::ERROR_CODE_INVALID_RATING, "A rating is a whole number from 1 to 5."},
        {v1::ERROR_CODE_CLERK_REQUIRED, "Only a signed-in clerk can open a counter."},
        {v1::ERROR_CODE_CENTRE_CLOSED, "The centre is closed: no tickets are issued now."},
    };
    // The server's sentence names whose counter it is ("Counter 1 is anna's ..."): staff may know.
    if (e.code() == v1::ERROR_CODE_COUNTER_NOT_YOURS)
        return e.message().empty() ? "This counter belongs to another clerk: a manager can take it over." : e.message();
    auto it = words.find(e.code());
    if (it != words.end()) return it->second;
    return e.message().empty() ? "The server refused: " + v1::ErrorCode_Name(e.code()) + "." : e.message();
}

}  // namespace novbe::client
