#pragma once
// A line's alert (core::line_alert) <-> stored.proto, shared by the event and snapshot codecs.
#include "core/breach_alert.hpp"
#include "stored.pb.h"

#include <string>

namespace novbe::store::detail {

void put(v1::AlertChanged& out, std::string const& service_id, core::line_alert const& a);
core::line_alert get(v1::AlertChanged const& m);  // throws codec_error: a level or advice out of bounds

}  // namespace novbe::store::detail
