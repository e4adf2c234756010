#include "shared_state.hpp"

#include "net/websocket_session.hpp"

#include <vector>

namespace novbe::net {

void shared_state::join(websocket_session* s) {
    std::lock_guard lock(mutex_);
    sessions_.insert(s);
}

void shared_state::leave(websocket_session* s) {
    std::lock_guard lock(mutex_);
    sessions_.erase(s);
}

void shared_state::close_all() {
    std::vector<std::weak_ptr<websocket_session>> live;
    {
        std::lock_guard lock(mutex_);
        for (auto* s : sessions_) live.push_back(s->weak_from_this());
    }
    for (auto& weak : live)
        if (auto s = weak.lock()) s->close(boost::beast::websocket::close_code::going_away, "server shutting down");
}

}  // namespace novbe::net
