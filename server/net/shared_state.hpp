#pragma once
// What every session shares: the dispatcher, the static content, the network edge's policy
// (trusted proxies, the names it answers to, the count of connections per address that have
// not signed in), and the list of live sessions for a graceful shutdown. No sockets
// in here (Beast's chat example's hub).
#include "net/dispatcher.hpp"
#include "net/edge.hpp"
#include "net/metrics.hpp"
#include "net/throttled_log.hpp"

#include <functional>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace novbe::net {

class booking_gate;
class http_session;
class websocket_session;
class speech;

struct shared_state {
    // Throws std::invalid_argument for a trusted proxy or public name that does not parse
    // (the configuration reader has checked them already).
    shared_state(dispatcher& d, settings const& s, std::string web, std::string proto);
    ~shared_state();

    dispatcher& dispatch;
    settings const& config;
    std::string web_root;      // static files; empty: none
    std::string proto_text;    // served at /novbe.proto
    limits limit;
    std::vector<ip_address> trusted_proxies;
    host_policy hosts;          // its listen address and port are set once bound, before any session
    std::unique_ptr<speech> speaker;  // /speech: the call sentences said by espeak-ng (speech.hpp)
    std::function<std::string()> metrics_text;  // /metrics, rendered on the event loop's thread
    net::metrics* counts = nullptr;             // connections, commands, errors
    booking_gate* bookings = nullptr;           // /api/v1/ and /api/public/v1/: the booking APIs (none: 404 like any unknown path)
    std::atomic<bool> ready{false};     // /healthz: recovery finished and listening
    std::atomic<bool> stopping{false};  // refuse new sessions
    throttled_log crowded{"refused a connection: too many from one address have not signed in", false};
    throttled_log refused_requests{"refused a request", false};  // unreadable, or for another host

    bool trusts(ip_address const& peer) const;

    void join(websocket_session* s);
    void leave(websocket_session* s);
    void join(http_session* s);
    void leave(http_session* s);
    // WebSockets get 1001 going away; HTTP connections that wait for a next request (a
    // browser keeps one open for minutes) are closed, and the others after their answer.
    // On the sessions' own executors.
    void close_all();
    // The stop's deadline: sockets still open (a peer that does not read, or never answers the
    // close) are shut at once, so a stop never waits for a stranger.
    void abort_all();
    std::size_t open_sessions();  // WebSocket and HTTP
    // The WebSockets a set-up change ends get 4003 (docs/SETUP.md); the dispatcher calls it.
    void end_sessions(session_end const& e);

private:
    friend class unauthenticated_slot;  // unauthenticated_slot.hpp
    bool admit(std::string const& address);  // false: that address has its share already
    void discharge(std::string const& address);

    struct open_now {
        std::vector<std::weak_ptr<websocket_session>> websockets;
        std::vector<std::weak_ptr<http_session>> http;
    };
    open_now snapshot();

    std::mutex mutex_;
    std::unordered_set<websocket_session*> sessions_;
    std::unordered_set<http_session*> http_sessions_;
    std::unordered_map<std::string, std::size_t> unauthenticated_;  // by client address
};

}  // namespace novbe::net
