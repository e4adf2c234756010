#pragma once
// The connection for command-line use: it runs its own I/O thread, and each call waits for its
// answer. Subscriptions' handlers run on that I/O thread.
#include "client/connection.hpp"

#include <chrono>
#include <memory>

namespace novbe::client {

class blocking_client {
public:
    explicit blocking_client(options opts);
    ~blocking_client();  // closes the link and joins the I/O thread
    blocking_client(blocking_client const&) = delete;
    blocking_client& operator=(blocking_client const&) = delete;

    // Waits until signed in; false if that did not happen in time or the sign-in was refused
    // (status() says why).
    bool wait_online(std::chrono::milliseconds limit);
    // Sends and waits for the answer: a Reply, or an Error (the server's, or UNAVAILABLE when
    // none came within `deadline`, counting any reconnects and retries on the way).
    v1::ServerMessage request(v1::ClientMessage m, std::chrono::milliseconds deadline);

    link_status status() const;
    v1::Welcome welcome() const;
    connection& link();  // for subscriptions

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// "host:port" (or "host", port 8080) into options' host and port; false if it is not that.
bool parse_address(std::string const& text, options& into);

}  // namespace novbe::client
