// can_apply(): a structural check of an event read back from disk before apply() trusts it.
#include "centre.hpp"

namespace novbe::core {

class event_checker {
public:
    explicit event_checker(centre const& c) : c_(c) {}

    template <class B>
        requires std::is_constructible_v<booking_event, B const&>
    bool operator()(B const&) const { return false; }  // never reached: the bookings check their own

    bool operator()(day_started const& e) const { return c_.day_ == no_day || e.day > c_.day_; }
    bool operator()(day_closed const&) const { return true; }  // logs from before the once-a-day rule may repeat it
    bool operator()(ticket_issued const& e) const {
        return e.ticket == c_.tickets_.size() && e.service < c_.config_.services.size() &&
               e.sequence == c_.numbers_[e.service].size() + 1 && !c_.tokens_.contains(e.token) &&
               e.cls <= priority_class::appointment;
    }
    bool operator()(ticket_called const& e) const {
        auto const* counter = c_.find_counter(e.counter);
        return in(e.ticket, ticket_state::waiting) && counter && counter->open && !counter->current;
    }
    bool operator()(ticket_recalled const& e) const { return at_counter(e.ticket, e.counter, ticket_state::called); }
    bool operator()(service_started const& e) const { return at_counter(e.ticket, e.counter, ticket_state::called); }
    bool operator()(service_completed const& e) const { return at_counter(e.ticket, e.counter, ticket_state::serving); }
    bool operator()(ticket_no_show const& e) const { return at_counter(e.ticket, e.counter, ticket_state::called); }
    bool operator()(ticket_transferred const& e) const {
        bool moved = e.counter == 0 && in(e.ticket, ticket_state::waiting) &&  // a manager's move
                     c_.tickets_[e.ticket].current().service != e.to;
        return (moved || at_counter(e.ticket, e.counter, ticket_state::serving) ||
                at_counter(e.ticket, e.counter, ticket_state::called)) &&
               e.to < c_.config_.services.size();  // docs/DOMAIN.md#transfer
    }
    bool operator()(ticket_cancelled const& e) const { return in(e.ticket, ticket_state::waiting); }
    bool operator()(ticket_rated const& e) const {
        return in(e.ticket, ticket_state::done) && e.score >= 1 && e.score <= 5;
    }
    bool operator()(counter_opened const& e) const {
        auto const* counter = c_.find_counter(e.counter);
        return counter && !counter->open;
    }
    bool operator()(counter_paused const& e) const {
        auto const* counter = c_.find_counter(e.counter);
        return counter && counter->open && !counter->current;
    }
    bool operator()(counter_resumed const& e) const {
        auto const* counter = c_.find_counter(e.counter);
        return counter && counter->paused;
    }
    bool operator()(counter_closed const& e) const {
        auto const* counter = c_.find_counter(e.counter);
        return counter && counter->open && !counter->current;
    }

    bool operator()(counter_taken_over const& e) const {
        auto const* counter = c_.find_counter(e.counter);
        return counter && counter->open && counter->clerk == e.from_clerk && !e.to_user.empty();
    }

    bool operator()(hall_message_set const& e) const { return e.text.size() <= max_hall_message; }
    bool operator()(alert_changed const& e) const {
        return e.service < c_.config_.services.size() && e.alert.level <= alert_level::maximum &&
               e.alert.could_open.size() <= max_alert_advice;
    }
    bool operator()(user_set const& e) const {
        auto const& u = e.user;
        return is_setup_name(u.name) && u.role <= staff_role::admin && !u.secret_hash.empty() &&
               u.secret_hash.size() <= max_secret_hash && (c_.roster_.find_user(u.name) || c_.roster_.users.size() < max_roster);
    }
    bool operator()(device_set const& e) const {
        auto const& d = e.device;
        return e.index <= c_.roster_.devices.size() && e.index < max_roster && is_setup_name(d.name) &&
               d.kind <= device_kind::rating_pad && !d.token_hash.empty() && d.token_hash.size() <= max_secret_hash &&
               (d.kind != device_kind::rating_pad || c_.find_counter(d.stands_at));
    }

    // A known service keeps its prefix; a new one brings a prefix no other has.
    bool operator()(service_set const& e) const {
        auto const& s = e.config;
        if (!validate_service(s).empty() || !is_setup_name(s.id)) return false;
        if (auto known = c_.config_.find_service(s.id)) return c_.config_.services[*known].prefix == s.prefix;
        return !c_.config_.find_prefix(s.prefix) && c_.config_.services.size() < max_services_in_log;
    }
    bool operator()(counter_set const& e) const {
        return validate_counter(e.config, c_.config_).empty() &&
               (c_.config_.find_counter(e.config.number) || c_.config_.counters.size() < max_counters_in_log);
    }

    // A calendar a file could hold (validate), no larger than a file's.
    bool operator()(calendar_set const& e) const {
        return validate(e.calendar).empty() && e.calendar.holidays.size() <= max_calendar_dates_in_log &&
               e.calendar.exceptions.size() <= max_calendar_dates_in_log;
    }

private:
    bool in(ticket_ordinal t, ticket_state state) const {
        return t < c_.tickets_.size() && c_.tickets_[t].state == state;
    }
    bool at_counter(ticket_ordinal t, counter_number n, ticket_state state) const {
        auto const* counter = c_.find_counter(n);
        return in(t, state) && counter && counter->current == t;
    }

    centre const& c_;
};

bool centre::can_apply(event const& ev) const {
    if (auto booking = as_booking(ev)) return bookings_.can_apply(*booking);
    return std::visit(event_checker{*this}, ev);
}

}  // namespace novbe::core
