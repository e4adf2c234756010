#pragma once
// A ticket as the citizen holds it: what is printed, in which language, and the two ways out
// (ESC/POS bytes for the thermal printer, plain text for a terminal).
#include "novbe.pb.h"

#include <string>

namespace novbe::kiosk {

struct printed_ticket {
    std::string language;
    std::string centre;
    std::string agency;
    std::string service;
    std::string number;       // "A012"
    bool priority = false;
    std::string your_number;  // the caption above the number
    std::string ahead;        // "People ahead of you: 3", or "You are next"
    std::string wait;         // "Estimated wait: about 12 min"
    std::string issued;       // "28.11.2026 09:15"
    std::string scan;         // the caption of the QR code
    std::string url;          // the QR code's payload: the ticket's status page
};

// Where phones reach the centre: `--status-url` when given, else the centre's configured public
// address (`CentreInfo.public_url`, docs/DOMAIN.md#public-address), else the server's own address.
std::string status_base(std::string const& flag, v1::CentreInfo const& centre, std::string const& server_url);

// `status_base` is where phones reach the centre, e.g. "http://10.0.0.5:8080"; the code opens
// status_base + "/t/" + token. `issued` is the issue time already in the centre's local time.
printed_ticket make_ticket(v1::IssuedTicket const& t, v1::CentreInfo const& centre, std::string const& status_base,
                           std::string issued);

std::string to_escpos(printed_ticket const& t);
std::string to_text(printed_ticket const& t);

// "28.11.2026 09:15" for Unix milliseconds in an IANA time zone (the zone's rules come from
// the system's zoneinfo; this sets TZ, so call it from one thread only).
std::string local_time_text(long long unix_ms, std::string const& time_zone);

// A name from a names map: the language's, else the centre's first language's, else any.
std::string pick_name(google::protobuf::Map<std::string, std::string> const& names, std::string const& language,
                      v1::CentreInfo const& centre, std::string const& otherwise);

}  // namespace novbe::kiosk
