#pragma once
// The terminal kiosk's screens (`novbe-kiosk run`) as text, so tests read what a citizen reads:
// the language screen asks in each of the centre's languages, and the service list shows each
// line's waiting count and estimate, the same figures the web kiosk shows from the board view.
#include "kiosk/hours.hpp"
#include "novbe.pb.h"

#include <map>
#include <string>
#include <vector>

namespace novbe::kiosk {

// The languages the kiosk offers: the centre's, else all it knows.
std::vector<std::string> menu_languages(v1::CentreInfo const& centre);

// The centre's name, "Choose your language" in each language, the numbered languages and the
// reprint key (in `current`, the last citizen's language).
std::string language_screen(v1::CentreInfo const& centre, std::string const& current);

// While the centre is closed (kiosk/hours.hpp): the centre's name, the notice in each of its
// languages, and the booking's check-in and the reprint keys (in `current`), no language to pick.
std::string closed_screen(v1::CentreInfo const& centre, closed_state const& closed, std::string const& current);

// Under a service's name: "3 waiting · about 12 min", "0 waiting", or "… · No counter open";
// empty while the board view has not said (never a made-up number).
std::string line_hint(std::string const& language, v1::QueueLine const* line);

// "Choose a service", then the services grouped by agency, numbered, each with its line's hint.
std::string service_screen(v1::CentreInfo const& centre, std::string const& language,
                           std::map<std::string, v1::QueueLine> const& lines);

// For a refused `issue --service`: "Choose a service" and one "  ID  name" line per service.
std::string known_services(v1::CentreInfo const& centre, std::string const& language);

}  // namespace novbe::kiosk
