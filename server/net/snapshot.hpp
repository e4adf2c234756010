#pragma once
// A subscriber's first message: the state of its view at one log sequence.
#include "core/centre.hpp"
#include "net/publication.hpp"
#include "net/settings.hpp"

namespace novbe::net {

v1::Snapshot snapshot(core::centre const& c, settings const& s, v1::View view, zone_filter const& zone,
                      std::uint64_t sequence, core::time_point now);

}  // namespace novbe::net
