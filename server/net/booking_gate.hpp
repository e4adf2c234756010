#pragma once
// The booking API's requests (docs/booking-api.yaml) on the core's executor: booking_api plans
// each one; a booking command is decided and applied through centre_service and answered only
// once durable, like every command; reads and refusals wait for what is before them to be durable
// too. A wrong API key is charged to the client's address (sign_in_limiter: an address that keeps
// guessing is answered later and later; a portal with its right key never waits).
// The citizens' own route (public_booking.hpp) goes the same way, bounded per client address by
// public_limits; a look-up of a code nobody holds is charged to the address like a wrong key.
// Knows nothing of sockets: the HTTP session hands it the request and writes the answer.
#include "net/booking_api.hpp"
#include "net/centre_service.hpp"
#include "net/public_booking.hpp"
#include "net/public_limits.hpp"
#include "net/sign_in_limiter.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <functional>
#include <string>
#include <vector>

namespace novbe::net {

// A request as the session read it, owning its text (it crosses to the core's executor).
struct api_call {
    std::string method;
    std::string target;
    std::string api_key;
    std::string body;
};

class booking_gate {
public:
    booking_gate(centre_service& centre, std::vector<portal_key> portals, public_profile profile,
                 boost::asio::any_io_executor core, public_limits::policy bounds = {});

    // `done` runs on the core's executor with the answer, and whether the key named a portal
    // (always false on the public route: nobody signed in).
    void handle(api_call call, std::string const& address, std::function<void(api_answer, bool known)> done);

private:
    using reply = std::function<void(api_answer, bool)>;
    void handle_public(api_call const& call, std::string const& address, reply done);
    void later(std::chrono::milliseconds delay, api_answer answer, bool known, reply done);

    centre_service& centre_;
    std::vector<portal_key> portals_;
    public_profile profile_;
    boost::asio::any_io_executor core_;
    sign_in_limiter limiter_;
    public_limits bounds_;
};

}  // namespace novbe::net
