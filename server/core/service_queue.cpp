#include "service_queue.hpp"

#include <iterator>

namespace novbe::core {

void service_queue::push(ticket const& t) {
    switch (t.cls) {
    case priority_class::normal: normal_.emplace(t.ordinal, t.issued); break;
    case priority_class::priority: priority_.emplace(t.ordinal, t.issued); break;
    case priority_class::appointment: appointments_.emplace(t.due.value_or(t.issued), t.ordinal); break;
    }
}

void service_queue::erase(ticket const& t) {
    switch (t.cls) {
    case priority_class::normal: normal_.erase(t.ordinal); break;
    case priority_class::priority: priority_.erase(t.ordinal); break;
    case priority_class::appointment: appointments_.erase({t.due.value_or(t.issued), t.ordinal}); break;
    }
}

void service_queue::clear() {
    normal_.clear();
    priority_.clear();
    appointments_.clear();
}

std::optional<time_point> service_queue::oldest_issue() const {
    std::optional<time_point> oldest;
    if (!normal_.empty()) oldest = normal_.begin()->second;
    if (!priority_.empty() && (!oldest || priority_.begin()->second < *oldest)) oldest = priority_.begin()->second;
    return oldest;
}

bool service_queue::contains(ticket const& t) const {
    switch (t.cls) {
    case priority_class::normal: return normal_.contains(t.ordinal);
    case priority_class::priority: return priority_.contains(t.ordinal);
    case priority_class::appointment: return appointments_.contains({t.due.value_or(t.issued), t.ordinal});
    }
    return false;
}

std::optional<candidate> service_queue::best(time_point now, duration max_wait, duration appointment_early,
                                             bool hold_priority) const {
    if (!appointments_.empty()) {
        auto [due, ordinal] = *appointments_.begin();
        if (due - appointment_early <= now) return candidate{call_rank::appointment_due, due, ordinal};
    }
    // The longest-waiting normal and priority tickets past the maximum wait are both overdue,
    // the earlier issued first, so that a line too long for its counters never starves either
    // class (docs/DOMAIN.md#priority).
    std::optional<candidate> overdue;
    for (auto const* line : {&normal_, &priority_}) {
        if (line->empty()) continue;
        auto [ordinal, issued] = *line->begin();
        candidate c{call_rank::overdue, issued, ordinal};
        if (now - issued > max_wait && (!overdue || c < *overdue)) overdue = c;
    }
    if (overdue) return overdue;
    if (!priority_.empty() && !hold_priority) {
        auto [ordinal, issued] = *priority_.begin();
        return candidate{call_rank::priority, issued, ordinal};
    }
    if (!normal_.empty()) {
        auto [ordinal, issued] = *normal_.begin();
        return candidate{call_rank::normal, issued, ordinal};
    }
    if (!priority_.empty()) {
        auto [ordinal, issued] = *priority_.begin();
        return candidate{call_rank::priority_held, issued, ordinal};
    }
    if (!appointments_.empty()) {
        auto [due, ordinal] = *appointments_.begin();
        return candidate{call_rank::appointment_early, due, ordinal};
    }
    return std::nullopt;
}

std::size_t service_queue::due_appointments(time_point now, duration appointment_early) const {
    auto first_not_due = appointments_.upper_bound({now + appointment_early, ~ticket_ordinal{0}});
    return static_cast<std::size_t>(std::distance(appointments_.begin(), first_not_due));
}

std::size_t service_queue::ahead_of(ticket const& t, time_point now, duration appointment_early) const {
    switch (t.cls) {
    case priority_class::appointment: {
        auto it = appointments_.find({t.due.value_or(t.issued), t.ordinal});
        return static_cast<std::size_t>(std::distance(appointments_.begin(), it));
    }
    case priority_class::priority: {
        auto it = priority_.find(t.ordinal);
        return due_appointments(now, appointment_early) + static_cast<std::size_t>(std::distance(priority_.begin(), it));
    }
    case priority_class::normal: {
        auto it = normal_.find(t.ordinal);
        return due_appointments(now, appointment_early) + priority_.size() +
               static_cast<std::size_t>(std::distance(normal_.begin(), it));
    }
    }
    return 0;
}

std::size_t service_queue::ahead_of_new(priority_class cls, std::optional<time_point> due, time_point now,
                                        duration appointment_early) const {
    switch (cls) {
    case priority_class::appointment: {
        auto first_later = appointments_.upper_bound({due.value_or(now), ~ticket_ordinal{0}});
        return static_cast<std::size_t>(std::distance(appointments_.begin(), first_later));
    }
    case priority_class::priority: return due_appointments(now, appointment_early) + priority_.size();
    case priority_class::normal: return due_appointments(now, appointment_early) + priority_.size() + normal_.size();
    }
    return 0;
}

}  // namespace novbe::core
