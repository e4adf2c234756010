#pragma once
// Users and devices (core::roster) <-> stored.proto, shared by the event and snapshot codecs.
#include "core/roster.hpp"
#include "stored.pb.h"

namespace novbe::store::detail {

void put(v1::StaffUser& out, core::staff_user const& u);
void put(v1::Device& out, core::device_entry const& d);
core::staff_user get(v1::StaffUser const& m);     // throws codec_error
core::device_entry get(v1::Device const& m);      // throws codec_error

}  // namespace novbe::store::detail
