#pragma once
// What decide() gives back: the events to apply, or the reason nothing happens.
#include "errc.hpp"
#include "event.hpp"

#include <utility>
#include <vector>

namespace novbe::core {

class outcome {
public:
    outcome(errc e) : error_(e) {}  // NOLINT: implicit, so `return errc::x;` reads naturally
    outcome(std::vector<event> events) : events_(std::move(events)) {}  // NOLINT: likewise

    bool ok() const { return error_ == errc{}; }
    errc error() const { return error_; }
    std::vector<event> const& events() const { return events_; }
    std::vector<event>& events() { return events_; }

private:
    errc error_{};
    std::vector<event> events_;
};

}  // namespace novbe::core
