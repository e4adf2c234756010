#include "unauthenticated_slot.hpp"

#include "net/shared_state.hpp"

namespace novbe::net {

unauthenticated_slot::unauthenticated_slot(unauthenticated_slot&& other) noexcept
    : state_(std::move(other.state_)), address_(std::move(other.address_)) {
    other.state_.reset();
}

unauthenticated_slot& unauthenticated_slot::operator=(unauthenticated_slot&& other) noexcept {
    if (this != &other) {
        release();
        state_ = std::move(other.state_);
        address_ = std::move(other.address_);
        other.state_.reset();
    }
    return *this;
}

bool unauthenticated_slot::take(std::shared_ptr<shared_state> state, std::string address) {
    release();
    if (!state->admit(address)) return false;
    state_ = std::move(state);
    address_ = std::move(address);
    return true;
}

void unauthenticated_slot::release() {
    if (!state_) return;
    state_->discharge(address_);
    state_.reset();
}

}  // namespace novbe::net
