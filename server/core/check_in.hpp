#pragma once
// A check-in in one step over both state machines: the booking's event and the appointment
// ticket the centre issues for it, decided together so that neither is written without the
// other (docs/DOMAIN.md#check-in). The caller applies `booking` then `ticket`'s events.
#include "bookings.hpp"
#include "centre.hpp"

namespace novbe::core {

struct check_in_outcome {
    booking_outcome booking;
    outcome ticket = std::vector<event>{};  // the centre's answer to the appointment ticket
    // Whether anything should be written: a check-in (both parts), or a late one's lapse.
    bool writes() const { return !booking.events.empty() && (!booking.ok() || ticket.ok()); }
};

check_in_outcome decide_check_in(bookings const& b, centre const& c, check_in const& cmd, time_point now);

}  // namespace novbe::core
