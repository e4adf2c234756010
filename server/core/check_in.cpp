#include "check_in.hpp"

namespace novbe::core {

check_in_outcome decide_check_in(bookings const& b, centre const& c, check_in const& cmd, time_point now) {
    check_in_outcome out{b.decide(cmd, now, c)};
    if (!out.booking.ok() || !out.booking.ticket) return out;
    out.ticket = c.decide(*out.booking.ticket, now);
    if (!out.ticket.ok()) out.booking.events.clear();  // the centre refused the ticket: nothing happens
    return out;
}

}  // namespace novbe::core
