#pragma once
// The on-disk form of booking events (stored.proto's StoredEvent kinds 50-55), beside the
// centre's (codec.hpp): the same message, so bookings share the log, its sequence and its
// durability once core::event carries them. Services by id, as for every event.
#include "core/booking.hpp"
#include "core/bookings.hpp"
#include "core/config.hpp"

#include <string>
#include <string_view>

namespace novbe::store {

namespace v1 { class Snapshot; }

std::string encode_booking_event(core::booking_event const& ev, core::centre_config const& config);
// Throws codec_error (codec.hpp) for bytes that are no booking event, or that name a service the
// configuration lacks or a field over its limit.
core::booking_event decode_booking_event(std::string_view bytes, core::centre_config const& config);

// A snapshot's bookings (snapshot_codec.cpp calls these); the decoder throws codec_error for
// a field over its limit or an unknown service; centre::from_image checks the rest.
void put_bookings(v1::Snapshot& m, core::booking_image const& image, core::centre_config const& config);
core::booking_image get_bookings(v1::Snapshot const& m, core::centre_config const& config);

}  // namespace novbe::store
