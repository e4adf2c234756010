#pragma once
// The on-disk form of booking events (stored.proto's StoredEvent kinds 50-55), beside the
// centre's (codec.hpp): the same message, so bookings share the log, its sequence and its
// durability once core::event carries them. Services by id, as for every event.
#include "core/booking.hpp"
#include "core/config.hpp"

#include <string>
#include <string_view>

namespace novbe::store {

std::string encode_booking_event(core::booking_event const& ev, core::centre_config const& config);
// Throws codec_error (codec.hpp) for bytes that are no booking event, or that name a service the
// configuration lacks or a field over its limit.
core::booking_event decode_booking_event(std::string_view bytes, core::centre_config const& config);

}  // namespace novbe::store
