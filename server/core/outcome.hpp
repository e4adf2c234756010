#pragma once
// What decide() gives back: the events to apply, or the reason nothing happens.
#include "errc.hpp"
#include "event.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace novbe::core {

class outcome {
public:
    outcome(errc e) : error_(e) {}  // NOLINT: implicit, so `return errc::x;` reads naturally
    // A refusal with a sentence for this case (whose counter it is), and when it may stop
    // applying (when the centre opens again), for the protocol's Error.
    outcome(errc e, std::string detail, std::optional<time_point> until = std::nullopt)
        : error_(e), detail_(std::move(detail)), until_(until) {}
    // last_ticket_passed: the first free booking slot offered instead, if any.
    outcome(errc e, std::string detail, std::optional<time_point> until, std::optional<time_point> next_slot)
        : error_(e), detail_(std::move(detail)), until_(until), next_slot_(next_slot) {}
    outcome(std::vector<event> events) : events_(std::move(events)) {}  // NOLINT: likewise

    bool ok() const { return error_ == errc{}; }
    errc error() const { return error_; }
    std::vector<event> const& events() const { return events_; }
    std::vector<event>& events() { return events_; }
    std::string const& detail() const { return detail_; }  // empty: the code's own sentence
    std::optional<time_point> until() const { return until_; }
    std::optional<time_point> next_slot() const { return next_slot_; }

private:
    errc error_{};
    std::vector<event> events_;
    std::string detail_;
    std::optional<time_point> until_;
    std::optional<time_point> next_slot_;
};

}  // namespace novbe::core
