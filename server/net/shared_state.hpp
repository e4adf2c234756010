#pragma once
// What every session shares: the dispatcher, the static content, and the list of live
// WebSocket sessions for a graceful shutdown. No sockets in here (Beast's chat example's hub).
#include "net/dispatcher.hpp"
#include "net/metrics.hpp"

#include <functional>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

namespace novbe::net {

class websocket_session;

struct shared_state {
    shared_state(dispatcher& d, settings const& s, std::string web, std::string proto)
        : dispatch(d), config(s), web_root(std::move(web)), proto_text(std::move(proto)), limit(s.limit) {}

    dispatcher& dispatch;
    settings const& config;
    std::string web_root;      // static files; empty: none
    std::string proto_text;    // served at /novbe.proto
    limits limit;
    std::function<std::string()> metrics_text;  // /metrics, rendered on the event loop's thread
    net::metrics* counts = nullptr;             // connections, commands, errors
    std::atomic<bool> ready{false};     // /healthz: recovery finished and listening
    std::atomic<bool> stopping{false};  // refuse new sessions

    void join(websocket_session* s);
    void leave(websocket_session* s);
    void close_all();  // 1001 going away, on the sessions' own executors

private:
    std::mutex mutex_;
    std::unordered_set<websocket_session*> sessions_;
};

}  // namespace novbe::net
