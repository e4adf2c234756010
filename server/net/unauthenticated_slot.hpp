#pragma once
// Counting the connections per client address that have not signed in (see limits in
// settings.hpp): the count lives in shared_state, a place in it in this handle.
#include <memory>
#include <string>

namespace novbe::net {

struct shared_state;

// A connection's place among its address's connections that have not signed in: an HTTP
// session takes one, hands it to its WebSocket session, which gives it back at sign-in (or
// when it ends without one).
class unauthenticated_slot {
public:
    unauthenticated_slot() = default;
    unauthenticated_slot(unauthenticated_slot&& other) noexcept;
    unauthenticated_slot& operator=(unauthenticated_slot&& other) noexcept;
    ~unauthenticated_slot() { release(); }

    // False, holding nothing, if `address` has its share already.
    bool take(std::shared_ptr<shared_state> state, std::string address);
    void release();
    bool held() const { return state_ != nullptr; }
    std::string const& address() const { return address_; }

private:
    std::shared_ptr<shared_state> state_;
    std::string address_;
};

}  // namespace novbe::net
