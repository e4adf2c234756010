#pragma once
// A booking's check-in at the native kiosk (docs/DOMAIN.md#check-in): the request from what the
// citizen typed or the scanner read, and the refusal in the citizen's words (too early says
// when to come back; a lapsed booking, that a walk-in ticket can be taken instead).
#include "novbe.pb.h"

#include <string>
#include <string_view>

namespace novbe::kiosk {

// CheckIn for `typed`: trimmed, and a scanned address ending in a token (".../b/TOKEN") is its
// token, as the kiosk page reads it.
v1::ClientMessage check_in_request(std::string_view typed, std::string const& language);

// The refusal in `language`; `now_ms` tells whether the time to come back is today (then only
// its clock time is said).
std::string check_in_refusal(v1::Error const& e, std::string const& language, std::string const& time_zone,
                             long long now_ms);

}  // namespace novbe::kiosk
