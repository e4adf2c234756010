#pragma once
// Whether the centre is open now, by the calendar it sends (CentreInfo.calendar,
// docs/SETUP.md#hours-and-holidays) on its own local day (from day_start_minutes), or because
// today was closed already (a manager's CloseDay, or closing time: the board view's
// Snapshot.day_closed, then DayClosed and DayStarted), and when it opens next: the first screen
// says so rather than lead a citizen to CENTRE_CLOSED. The web kiosk's web/js/kiosk_hours.js,
// the same rules. The server still decides.
#include "kiosk/texts.hpp"
#include "novbe.pb.h"

#include <optional>
#include <string>

namespace novbe::kiosk {

struct closed_state {
    bool all_day = false;                 // closed all day today (a holiday, a closed weekday, a day closed early)
    std::optional<long long> opens_at_ms;  // when it opens next; none if not within 60 days
};

// nullopt while open.
std::optional<closed_state> closed_now(v1::CentreInfo const& centre, bool day_closed, long long now_ms);

// The first screen's line in `t`'s language: "Closed today. We open again: 03.12.2026 09:00.",
// "Closed today." (no opening within 60 days), or "The centre is closed. It opens again at ...".
std::string closed_notice(kiosk_texts const& t, closed_state const& closed, std::string const& time_zone);

}  // namespace novbe::kiosk
