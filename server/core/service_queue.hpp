#pragma once
// The waiting tickets of one service, kept in the order they deserve to be called.
// Ordered sets, so the best ticket is found without scanning the line: O(log n) per change.
#include "config.hpp"
#include "ticket.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace novbe::core {

// Why a ticket deserves a call; lower is called first (docs/DOMAIN.md#priority).
enum class call_rank : std::uint8_t {
    appointment_due,    // an appointment whose time has come
    overdue,            // a normal or priority ticket past the service's maximum wait
    priority,           // elderly, disability, pregnancy
    normal,
    priority_held,      // priority, but the counter has called its quota of them in a row
    appointment_early,  // an appointment not yet due, called only when nobody else waits
};

// The best ticket of one service for one counter, comparable across services.
struct candidate {
    call_rank rank = call_rank::normal;
    time_point since{};  // issue time, or due time for appointments: earlier is more deserving
    ticket_ordinal ticket = 0;
    auto operator<=>(candidate const&) const = default;
};

class service_queue {
public:
    void push(ticket const& t);  // by class; a transferred ticket keeps its place by issue order
    void erase(ticket const& t);
    void clear();
    bool contains(ticket const& t) const;

    std::size_t size() const { return normal_.size() + priority_.size() + appointments_.size(); }
    // When the longest-waiting normal or priority ticket was issued (appointments wait by design).
    std::optional<time_point> oldest_issue() const;
    bool empty() const { return size() == 0; }

    // The most deserving ticket now; `hold_priority` when the counter's priority quota is used up.
    std::optional<candidate> best(time_point now, duration max_wait, duration appointment_early,
                                  bool hold_priority) const;

    // Tickets that would be called before `t` if it were waiting now (a citizen's place in line).
    std::size_t ahead_of(ticket const& t, time_point now, duration appointment_early) const;
    // Tickets a newly issued ticket of class `cls` would have ahead of it.
    std::size_t ahead_of_new(priority_class cls, std::optional<time_point> due, time_point now,
                             duration appointment_early) const;

    // Calls f(ordinal, ahead) for every waiting normal and priority ticket (appointments wait by
    // design), `ahead` as ahead_of() counts it, without a walk of the line for each.
    template <class F>
    void each_walk_in(time_point now, duration appointment_early, F&& f) const {
        auto ahead = due_appointments(now, appointment_early);
        for (auto const& [ordinal, issued] : priority_) f(ordinal, ahead++);
        for (auto const& [ordinal, issued] : normal_) f(ordinal, ahead++);
    }

    bool operator==(service_queue const&) const = default;

private:
    std::size_t due_appointments(time_point now, duration appointment_early) const;

    std::map<ticket_ordinal, time_point> normal_;    // ordinal -> issue time
    std::map<ticket_ordinal, time_point> priority_;  // ordinal -> issue time
    std::set<std::pair<time_point, ticket_ordinal>> appointments_;  // by due time
};

}  // namespace novbe::core
