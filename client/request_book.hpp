#pragma once
// The requests and subscriptions a client link carries, with no network in here: ids, the
// idempotency keys of mutating commands, deadlines, the pause before asking again after a
// transient refusal, and where each subscription resumes. connection.cpp moves the frames;
// this decides what they are, so that the rules are tested without a socket.
// Not thread-safe: the link's io thread calls everything.
#include "novbe.pb.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace novbe::client {

using reply_handler = std::function<void(v1::ServerMessage const&)>;
using subscription_handler = std::function<void(v1::ServerMessage const&)>;

// A ServerMessage that carries an Error: what the handlers get when no answer came.
v1::ServerMessage local_error(std::uint64_t request_id, v1::ErrorCode code, std::string message);

// The server closes the link on a frame over [server] max_frame_kib, 64 KiB by default
// (docs/PROTOCOL.md#close-codes); sent again after each reconnect, such a message made the link
// look unreachable until its deadline. It is refused here instead, with this sentence.
inline constexpr std::size_t max_frame_bytes = 64 * 1024;
inline constexpr char too_large[] = "What was given is too long: the server takes at most 64 KiB in one message.";
bool fits_in_a_frame(v1::ClientMessage const& m);

class request_book {
public:
    using clock = std::chrono::steady_clock;
    // A server that says UNAVAILABLE (starting, stopping) or INTERNAL is asked again after this.
    static constexpr auto retry_pause = std::chrono::milliseconds(200);

    explicit request_book(std::uint64_t seed) : rng_(seed) {}

    // An id for a message that is not kept here (the Hello).
    std::uint64_t next_id() { return next_id_++; }
    // Keeps `m` until it is answered or `deadline` passes; a mutating command without an
    // idempotency key gets a fresh one, kept across every resend. Returns its request id.
    // One that does not fit in a frame is answered INVALID_ARGUMENT (too_large) at once.
    std::uint64_t add(v1::ClientMessage m, clock::time_point deadline, reply_handler done);
    std::uint64_t follow(v1::Subscribe s, subscription_handler on_message);

    // The frames this link has not carried yet: new requests and retries whose pause is over,
    // then subscriptions, each resuming after the last range it was sent.
    std::vector<std::string> due(clock::time_point now);
    // Hands a message to whoever waits for it; a subscription's notes where it now stands.
    // False when nobody does (answered before, or timed out: late).
    bool receive(v1::ServerMessage const& m, clock::time_point now);
    // The link dropped: the next one carries everything unanswered again.
    void link_lost();
    // Requests past their deadline get UNAVAILABLE with `why`.
    void expire(clock::time_point now, std::string const& why);
    // Every unanswered request gets `code` with `why` (a refused sign-in, a stop).
    void fail_all(v1::ErrorCode code, std::string const& why);

    std::size_t unanswered() const { return pending_.size(); }

private:
    struct pending_request {
        v1::ClientMessage message;
        reply_handler done;
        clock::time_point deadline;
        clock::time_point not_before{};
        bool sent = false;
    };
    struct subscription {
        v1::Subscribe subscribe;
        subscription_handler on_message;
        bool sent = false;
    };

    std::mt19937_64 rng_;
    std::uint64_t next_id_ = 1;
    std::map<std::uint64_t, pending_request> pending_;
    std::map<std::uint64_t, subscription> subscriptions_;
};

}  // namespace novbe::client
