#pragma once
// The booking rush's clients (docs/booking-api.yaml, POST /api/v1/bookings): each on its own
// kept-alive HTTP/1.1 connection, all connected first and released together, as when a portal
// opens next week's slots. A client books one place for its own reference; on 409 slot_full it
// tries the next slot not yet known full, until booked or every slot is known full. What the
// clients learn of full slots they share (the portal behind them relays each 409), so a late
// client does not walk slots that are gone. One thread drives them all. Each connect and each
// answer has `answer_timeout`: a server that hangs fails the run with a count, not a hang.
// Bench code only.
#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace novbe::bench {

struct rush_plan {
    unsigned short port = 0;
    std::string api_key;
    std::string service;
    std::vector<std::string> slots;  // RFC 3339 starts, as the slots route lists them
    int clients = 5000;
    std::chrono::milliseconds answer_timeout{10'000};  // per connect and per request, write to whole answer
};

struct rush_booking {
    std::string token;
    std::string slot;
    std::string reference;
};

struct rush_result {
    int connected = 0;
    int requests = 0;
    int lost = 0;                              // connections that failed or closed mid-rush
    int timed_out = 0;                         // of those, a connect or an answer past answer_timeout
    std::vector<rush_booking> bookings;        // every 201, as answered
    std::map<std::string, int> refusals;       // "409 slot_full" and any other answer, counted
    std::vector<double> latency_ms;            // every booking request, write to whole answer
    std::vector<double> booked_latency_ms;     // the 201s alone
    double seconds_to_last_booking = 0;        // from the release
    double seconds_to_all_done = 0;
};

rush_result run_rush(rush_plan const& plan);

}  // namespace novbe::bench
