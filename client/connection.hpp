#pragma once
// One client's link to novbe-server, kept alive by itself: it signs in with the Hello it was
// given, reconnects with back-off after any failure, resubscribes from the last sequence covered,
// and sends unanswered requests again, mutating ones with their idempotency key, so that a
// retry after a lost reply gets the original answer instead of a second ticket.
//
// Thread-safety: every public member may be called from any thread. Handlers run on the
// io_context's thread; run that io_context on exactly one thread.
#include "client/request_book.hpp"
#include "novbe.pb.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace boost::asio {
class io_context;
}

namespace novbe::client {

struct options {
    std::string host = "127.0.0.1";
    std::string port = "8080";
    v1::Hello hello;  // role and credentials; protocol_version is filled in
    std::chrono::milliseconds first_backoff{100};
    std::chrono::milliseconds max_backoff{5000};
    // No frame and no pong for this long and the link counts as dead (pings go at half of it).
    std::chrono::milliseconds idle_timeout{10000};
    std::chrono::milliseconds connect_timeout{3000};
};

enum class link { connecting, online, offline };

// What a user interface shows about the link: "online", or "offline since 10:42 (refused)".
struct link_status {
    link state = link::offline;
    std::chrono::system_clock::time_point since{};
    std::string reason;      // why offline: the last failure, in words
    bool refused = false;    // the server refused the sign-in: no more attempts
    std::string refusal;     // then the server's own sentence, as a person reads it
};

// A reply_handler (request_book.hpp) gets the message that answers a request: a Reply, or an
// Error (the server's, or one made here: UNAVAILABLE when no answer came before the deadline,
// or the client stopped). A subscription_handler gets every Snapshot, EventBatch and Error of
// one subscription, across reconnects.
using status_handler = std::function<void(link_status const&)>;

class connection {
public:
    connection(boost::asio::io_context& io, options opts);
    ~connection();  // stops; handlers already queued may still run on the io thread
    connection(connection const&) = delete;
    connection& operator=(connection const&) = delete;

    void on_status(status_handler h);  // set before start()
    void start();
    // Closes the link for good; unanswered requests get UNAVAILABLE.
    void stop();

    // Sends `m` (request_id is assigned) and keeps it until answered or `deadline` passes.
    // A mutating command without an idempotency key gets a fresh one.
    void request(v1::ClientMessage m, std::chrono::milliseconds deadline, reply_handler done);
    // Follows a view; after a reconnect it resumes after the last range it was sent (last_sequence).
    void subscribe(v1::Subscribe s, subscription_handler on_message);

    link_status status() const;
    v1::Welcome welcome() const;  // the last Welcome (empty before the first)

    static bool is_mutating(v1::ClientMessage const& m);

private:
    struct impl;
    std::shared_ptr<impl> impl_;
};

}  // namespace novbe::client
