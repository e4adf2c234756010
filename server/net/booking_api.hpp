#pragma once
// The HTTP JSON booking API for e-government portals (docs/booking-api.yaml), as plain
// functions: a request becomes either an answer at once (a read, a refusal) or a booking command
// that the caller makes durable before it answers with answer_after(). No sockets here; the
// request's size limits are the HTTP session's, and this checks everything inside the body.
#include "core/bookings.hpp"
#include "core/centre.hpp"
#include "net/settings.hpp"  // portal_key

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace novbe::net {

struct api_request {
    std::string_view method;   // "GET", "POST", "DELETE"
    std::string_view target;   // "/api/v1/bookings/TOKEN?x=y"
    std::string_view api_key;  // the X-Api-Key header
    std::string_view body;
};

struct api_answer {
    unsigned status = 200;
    std::string body;  // JSON
    unsigned retry_after_s = 0;  // a 429's Retry-After, in seconds; 0: none
    std::string allow;           // a 405's Allow: the methods the path takes ("GET, DELETE")
};

struct api_plan {
    std::optional<api_answer> answer;              // answered at once: nothing to write
    std::optional<core::booking_command> command;  // else: decide, apply, make durable, then answer_after
    std::string portal;                            // who asked
    unsigned success = 200;                        // the status once done (201 for a new booking)
};

inline constexpr std::size_t max_api_body = 4096;  // the largest body a booking needs, with room
inline constexpr std::string_view api_prefix = "/api/v1/";

// `fresh` is a new random token, used if the request makes a booking.
api_plan plan_request(api_request const& r, std::vector<portal_key> const& portals, core::bookings const& b,
                      core::centre const& c, core::time_point now, core::ticket_token fresh);

// The answer once the plan's command was decided (and, if it wrote events, applied and durable).
api_answer answer_after(api_plan const& plan, core::booking_outcome const& decided, core::bookings const& after,
                        core::centre const& c);

// The SHA-256 of `key` in lower-case hex, as `key_sha256` holds it.
std::string sha256_hex(std::string_view key);

// RFC 3339 in the centre's offset ("2026-11-28T09:00:00+04:00"), and back (any offset, or Z).
std::string rfc3339(core::time_point t, std::chrono::minutes utc_offset);
std::optional<core::time_point> parse_rfc3339(std::string_view text);

}  // namespace novbe::net
