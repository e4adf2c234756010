#pragma once
// The dashboard's bookings figures (docs/DOMAIN.md#appointments): per service and for the whole
// centre, today's bookings (booked, checked in, lapsed, the no-show rate) and how booked and
// walk-in citizens waited (each group's average and p90). Read from the day's tickets and the
// bookings when asked, so nothing new is kept or logged for them.
#include "core/centre.hpp"
#include "novbe.pb.h"

namespace novbe::net {

// Fills fields 77-94 of each of `out.by_service` (already listed in the centre's service order)
// and of `out.centre`; the bookings are those of `today`'s slots (the centre's day is no_day
// until its first ticket, and bookings come before that).
void add_booking_figures(core::centre const& c, core::day_number today, v1::Statistics& out);

// The nearest-rank 90th percentile of `waits` (sorted in place); 0 for none.
core::duration p90(std::vector<core::duration>& waits);

}  // namespace novbe::net
