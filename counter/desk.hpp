#pragma once
// What the clerk's screen shows: the current ticket with its elapsed time, the lines of the
// services this counter serves with their waits, the clerk's own figures for the day, the
// link, the last answer, and the keys, in the clerk's language. Rendered as text, so tests read it
// as the clerk does.
#include "novbe.pb.h"

#include <map>
#include <optional>
#include <string>

namespace novbe::counter {

struct desk {
    std::string user;
    std::string language = "en";                 // the clerk's, from --lang
    v1::CentreInfo centre;
    v1::CounterView counter;
    std::map<std::string, v1::QueueLine> lines;  // service id -> its line, for this counter's services
    std::optional<v1::Figures> mine;             // the clerk's figures today
    std::string link;                            // "online", "Offline since 10:42: ..."
    std::string message;                         // the last action's result or refusal

    // Takes a board subscription's snapshot or events: lines, and whether this counter changed.
    bool take(v1::ServerMessage const& m);
    std::string service_name(std::string const& id) const;
};

std::string render(desk const& d, long long now_ms);

// "called 12, served 10, no-shows 1, transferred 2, average service 4:12, rating 4.6 (8)".
std::string figures_text(v1::Figures const& f, std::string_view language);

// The keys of the screen and the action each stands for.
char const* action_of_key(char key);

}  // namespace novbe::counter
