#pragma once
// Services and counters as set up at runtime (core::service_config, core::counter_config) <->
// stored.proto, shared by the event and snapshot codecs. A counter's services are ids, read back
// through the set-up they were written with.
#include "core/calendar.hpp"
#include "core/config.hpp"
#include "stored.pb.h"

namespace novbe::store::detail {

void put(v1::StoredService& out, core::service_config const& s);
void put(v1::StoredCounter& out, core::counter_config const& c, core::centre_config const& config);
core::service_config get(v1::StoredService const& m);                                      // throws codec_error
core::counter_config get(v1::StoredCounter const& m, core::centre_config const& config);   // throws codec_error
// The calendar an admin set (docs/SETUP.md#hours-and-holidays); get throws codec_error.
void put(v1::StoredCalendar& out, core::calendar_config const& cal);
core::calendar_config get(v1::StoredCalendar const& m);

}  // namespace novbe::store::detail
