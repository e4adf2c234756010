#include "shared_state.hpp"

#include "net/http_session.hpp"
#include "net/speech.hpp"
#include "net/websocket_session.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace novbe::net {

shared_state::shared_state(dispatcher& d, settings const& s, std::string web, std::string proto)
    : dispatch(d), config(s), web_root(std::move(web)), proto_text(std::move(proto)), limit(s.limit),
      speaker(std::make_unique<speech>(s.profile.languages)) {
    for (auto const& text : limit.trusted_proxies) {
        auto address = parse_address(text);
        if (!address) throw std::invalid_argument("trusted proxy '" + text + "' is not an IP address");
        trusted_proxies.push_back(*address);
    }
    for (auto const& text : limit.public_names) {
        auto name = parse_host(text);
        if (!name) throw std::invalid_argument("public name '" + text + "' is not a host or host:port");
        hosts.names.push_back(std::move(*name));
    }
    dispatch.end_sessions = [this](session_end const& e) { end_sessions(e); };
}

shared_state::~shared_state() { dispatch.end_sessions = nullptr; }  // here, where speech is complete

void shared_state::end_sessions(session_end const& e) {
    for (auto& weak : snapshot().websockets)
        if (auto s = weak.lock()) s->end_if(e);
}

bool shared_state::trusts(ip_address const& peer) const {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) != trusted_proxies.end();
}

bool shared_state::admit(std::string const& address) {
    std::lock_guard lock(mutex_);
    auto& count = unauthenticated_[address];
    if (limit.max_unauthenticated_per_address && count >= limit.max_unauthenticated_per_address) {
        if (count == 0) unauthenticated_.erase(address);
        return false;
    }
    ++count;
    return true;
}

void shared_state::discharge(std::string const& address) {
    std::lock_guard lock(mutex_);
    auto it = unauthenticated_.find(address);
    if (it != unauthenticated_.end() && --it->second == 0) unauthenticated_.erase(it);
}

void shared_state::join(websocket_session* s) {
    std::lock_guard lock(mutex_);
    sessions_.insert(s);
}

void shared_state::leave(websocket_session* s) {
    std::lock_guard lock(mutex_);
    sessions_.erase(s);
}

void shared_state::join(http_session* s) {
    std::lock_guard lock(mutex_);
    http_sessions_.insert(s);
}

void shared_state::leave(http_session* s) {
    std::lock_guard lock(mutex_);
    http_sessions_.erase(s);
}

// The sessions open now, taken under the lock and acted on outside it (each on its own executor).
shared_state::open_now shared_state::snapshot() {
    open_now now;
    std::lock_guard lock(mutex_);
    for (auto* s : sessions_) now.websockets.push_back(s->weak_from_this());
    for (auto* s : http_sessions_) now.http.push_back(s->weak_from_this());
    return now;
}

void shared_state::close_all() {
    auto now = snapshot();
    for (auto& weak : now.websockets)
        if (auto s = weak.lock()) s->close(boost::beast::websocket::close_code::going_away, "server shutting down");
    for (auto& weak : now.http)
        if (auto s = weak.lock()) s->stop();
}

void shared_state::abort_all() {
    auto now = snapshot();
    for (auto& weak : now.websockets)
        if (auto s = weak.lock()) s->abort();
    for (auto& weak : now.http)
        if (auto s = weak.lock()) s->abort();
}

std::size_t shared_state::open_sessions() {
    std::lock_guard lock(mutex_);
    return sessions_.size() + http_sessions_.size();
}

}  // namespace novbe::net
