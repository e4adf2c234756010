// apply(): the only code that changes a centre. Events were checked by decide(), so nothing
// here refuses; each handler records the fact and keeps queues and figures in step.
#include "centre.hpp"

#include <algorithm>

namespace novbe::core {

class applier {
public:
    explicit applier(centre& c) : c_(c) {}

    template <class B>
        requires std::is_constructible_v<booking_event, B const&>
    void operator()(B const&) {}  // never reached: centre::apply() gives them to the bookings

    void operator()(day_started const& e) {
        c_.day_ = e.day;
        c_.closed_ = false;
        c_.tickets_.clear();
        c_.tokens_.clear();
        for (auto& issued : c_.numbers_) issued.clear();
        for (auto& q : c_.queues_) q.clear();
        for (auto& counter : c_.counters_) counter = counter_state{.number = counter.number, .since = e.at};
        c_.statistics_ = day_statistics{.by_service = std::vector<figures>(c_.config_.services.size())};
        c_.recent_calls_.clear();
        for (auto& alert : c_.alerts_) alert = line_alert{};  // a new day's lines are empty
        for (auto& pace : c_.paces_) pace = line_pace{};
        // Service times carry over: yesterday's pace is the best guess for today's.
    }

    void operator()(day_closed const& e) {
        c_.closed_ = true;
        for (auto& t : c_.tickets_) {
            if (t.state != ticket_state::waiting) continue;
            t.state = ticket_state::closed;
            t.current().ended = e.at;
            ++service_figures(t.current().service).closed_unserved;
        }
        for (auto& q : c_.queues_) q.clear();
    }

    void operator()(ticket_issued const& e) {
        ticket t{.ordinal = e.ticket, .issued_for = e.service, .sequence = e.sequence, .cls = e.cls,
                 .language = e.language, .token = e.token, .issued = e.at, .due = e.due,
                 .estimated_wait = e.estimated_wait, .people_ahead_at_issue = e.people_ahead,
                 .estimated_low = e.estimated_low, .estimated_high = e.estimated_high,
                 .visits = {visit{.service = e.service, .joined = e.at}}};
        c_.queues_[e.service].push(t);
        c_.numbers_[e.service].push_back(e.ticket);
        c_.tokens_.insert(e.token, e.ticket);
        c_.tickets_.push_back(std::move(t));
        ++service_figures(e.service).issued;
        if (e.cls == priority_class::priority) c_.paces_[e.service].add_priority(e.at);
        if (e.cls == priority_class::normal) c_.paces_[e.service].add_normal(e.at);
    }

    void operator()(ticket_called const& e) {
        auto& t = c_.tickets_[e.ticket];
        auto& v = t.current();
        end_idle(*c_.counter_at(e.counter), e.at);  // before the ticket leaves its line
        c_.queues_[v.service].erase(t);
        t.state = ticket_state::called;
        v.called = e.at;
        v.counter = e.counter;
        v.clerk = e.clerk;
        auto& counter = *c_.counter_at(e.counter);
        counter.current = e.ticket;
        counter.since = e.at;
        // docs/DOMAIN.md#priority-streak
        counter.priority_streak = t.cls == priority_class::priority ? counter.priority_streak + 1 : 0;
        // docs/DOMAIN.md#priority-ratio
        if (t.cls == priority_class::priority) counter.normals_owed = normal_per_priority(counter);
        else if (counter.normals_owed > 0) --counter.normals_owed;

        auto wait = e.at - v.joined;
        bool within = wait <= c_.config_.services[v.service].target_wait;
        each_figures(v, v.clerk, [&](figures& f) {
            ++f.called;
            f.wait_sum += wait;
            f.wait_max = std::max(f.wait_max, wait);
            if (within) ++f.within_target;
        });
        // How far the estimate was off (docs/DOMAIN.md#estimates).
        if (t.visits.size() == 1) {  // the estimate given at the kiosk, against what happened
            auto& f = service_figures(v.service);
            ++f.estimates;
            f.estimate_error_sum += wait > t.estimated_wait ? wait - t.estimated_wait : t.estimated_wait - wait;
            c_.paces_[v.service].add_call(wait, t.estimated_wait);
        }
        remember_call(t, e.counter, e.at, false);
    }

    void operator()(ticket_recalled const& e) {
        auto& t = c_.tickets_[e.ticket];
        ++t.current().recalls;
        remember_call(t, e.counter, e.at, true);
    }

    void operator()(service_started const& e) {
        auto& t = c_.tickets_[e.ticket];
        t.state = ticket_state::serving;
        t.current().started = e.at;
        c_.counter_at(e.counter)->since = e.at;
        auto& v = t.current();
        if (v.called) each_figures(v, v.clerk, [&](figures& f) {  // docs/DOMAIN.md#clerks-figures
            ++f.walks;
            f.walk_sum += e.at - *v.called;
        });
    }

    void operator()(service_completed const& e) {
        auto& t = c_.tickets_[e.ticket];
        auto& v = t.current();
        t.state = ticket_state::done;
        t.outcome = e.outcome;
        end_visit(v, visit_end::done, e.at);
        auto took = e.at - v.started.value_or(e.at);
        each_figures(v, v.credited(), [&](figures& f) {
            ++f.served;
            f.service_sum += took;
        });
        c_.service_times_[v.service].add(took);
        c_.counter_at(e.counter)->last_served = e.ticket;
    }

    void operator()(ticket_no_show const& e) {
        auto& t = c_.tickets_[e.ticket];
        t.state = ticket_state::no_show;
        end_visit(t.current(), visit_end::no_show, e.at);
        each_figures(t.current(), t.current().credited(), [](figures& f) { ++f.no_shows; });
    }

    // Keeps its original issue time and place (docs/DOMAIN.md#transfer).
    void operator()(ticket_transferred const& e) {
        auto& t = c_.tickets_[e.ticket];
        if (t.state == ticket_state::waiting) c_.queues_[t.current().service].erase(t);  // a move: from its line
        end_visit(t.current(), visit_end::transferred, e.at);
        each_figures(t.current(), t.current().credited(), [](figures& f) { ++f.transferred_out; });
        t.visits.push_back(visit{.service = e.to, .joined = e.at});
        t.state = ticket_state::waiting;
        c_.queues_[e.to].push(t);  // by issue order: the ticket keeps its original place in time
        ++service_figures(e.to).transferred_in;
    }

    void operator()(ticket_cancelled const& e) {
        auto& t = c_.tickets_[e.ticket];
        c_.queues_[t.current().service].erase(t);
        t.state = ticket_state::cancelled;
        t.current().ended = e.at;
        ++service_figures(t.current().service).cancelled;
    }

    void operator()(ticket_rated const& e) {
        auto& t = c_.tickets_[e.ticket];
        t.rating = e.score;
        each_figures(t.current(), t.current().credited(), [&](figures& f) {
            ++f.ratings;
            ++f.rating_counts[e.score - 1];
        });
    }

    void operator()(counter_opened const& e) {
        auto& counter = *c_.counter_at(e.counter);
        counter = counter_state{.number = e.counter, .open = true, .clerk = e.clerk, .since = e.at};
    }

    void operator()(counter_paused const& e) {
        auto& counter = *c_.counter_at(e.counter);
        end_idle(counter, e.at);
        counter.paused = true;
        counter.pause_reason = e.reason;
        counter.since = e.at;
    }

    void operator()(counter_resumed const& e) {
        auto& counter = *c_.counter_at(e.counter);
        end_pause(counter, e.at);
        counter.paused = false;
        counter.pause_reason.clear();
        counter.since = e.at;
    }

    void operator()(counter_closed const& e) {
        auto& counter = *c_.counter_at(e.counter);
        end_pause(counter, e.at);
        end_idle(counter, e.at);
        counter = counter_state{.number = e.counter, .since = e.at};
    }

    // The taker is credited with what happens at the counter from now on: so the ticket at it
    // (whose call stays the first clerk's) is served, transferred or missed in the taker's name.
    void operator()(counter_taken_over const& e) {
        auto& counter = *c_.counter_at(e.counter);
        counter.clerk = e.to_user;
        if (counter.current) c_.tickets_[*counter.current].current().taken_by = e.to_user;
    }

    void operator()(hall_message_set const& e) { c_.hall_message_ = e.text; }  // days do not clear it
    void operator()(alert_changed const& e) { c_.alerts_[e.service] = e.alert; }

    // docs/SETUP.md: found by name, else added; days do not touch them.
    void operator()(user_set const& e) {
        auto& users = c_.roster_.users;
        auto it = std::find_if(users.begin(), users.end(), [&](auto const& u) { return u.name == e.user.name; });
        if (it == users.end()) users.push_back(e.user);
        else *it = e.user;
    }
    void operator()(device_set const& e) {
        auto& devices = c_.roster_.devices;
        if (e.index == devices.size()) devices.push_back(e.device);
        else devices[e.index] = e.device;
    }

    // docs/SETUP.md#services-and-counters-at-runtime: kept across days, like users.
    void operator()(service_set const& e) { c_.set_service(e.config); }
    void operator()(counter_set const& e) { c_.set_counter(e.config); }
    void operator()(calendar_set const& e) { c_.bookings_.set_calendar(e.calendar); }

private:
    figures& service_figures(service_index s) { return c_.statistics_.by_service[s]; }
    int normal_per_priority(counter_state const& counter) const {  // the counter's own ratio, else the centre's
        auto const& own = c_.config_.counters[static_cast<std::size_t>(&counter - c_.counters_.data())].normal_per_priority;
        return own ? *own : c_.config_.rules.normal_per_priority;
    }

    // A stay's figures count for its service, the counter that called it and the user who did
    // that part of the work (visit::credited()).
    template <class F>
    void each_figures(visit const& v, std::string const& clerk, F&& f) {
        f(service_figures(v.service));
        if (v.counter != 0) f(c_.statistics_.by_counter[v.counter]);
        if (!clerk.empty()) f(c_.statistics_.by_clerk[clerk]);
    }

    // docs/DOMAIN.md#clerks-figures: a pause's time is counted when it ends, for its reason.
    void end_pause(counter_state const& counter, time_point at) {
        if (counter.status() != counter_status::paused) return;
        auto add = [&](figures& f) {  // a reason beyond the first few of the day counts as "other"
            auto& pauses = f.pause_by_reason;
            auto known = pauses.contains(counter.pause_reason) || pauses.size() + 1 < max_pause_reasons;
            pauses[known ? counter.pause_reason : std::string(other_pause_reason)] += at - counter.since;
        };
        add(c_.statistics_.by_counter[counter.number]);
        if (!counter.clerk.empty()) add(c_.statistics_.by_clerk[counter.clerk]);
    }

    // A free counter's idle time while others waited, counted when it calls, pauses or closes:
    // from when it became free or the oldest ticket waiting now in its lines was issued,
    // whichever is later.
    void end_idle(counter_state const& counter, time_point at) {
        if (counter.status() != counter_status::open) return;
        std::optional<time_point> oldest;
        auto const i = static_cast<std::size_t>(&counter - c_.counters_.data());
        for (auto s : c_.config_.counters[i].services)
            if (auto o = c_.queues_[s].oldest_issue(); o && (!oldest || *o < *oldest)) oldest = o;
        if (!oldest) return;
        auto from = std::max(*oldest, counter.since);
        if (at <= from) return;
        c_.statistics_.by_counter[counter.number].idle_waiting += at - from;
        if (!counter.clerk.empty()) c_.statistics_.by_clerk[counter.clerk].idle_waiting += at - from;
    }

    void end_visit(visit& v, visit_end how, time_point at) {
        v.end = how;
        v.ended = at;
        if (v.called) c_.paces_[v.service].add_stay(at - *v.called, v.started ? at - *v.started : duration::zero());
        if (auto* counter = c_.counter_at(v.counter)) {  // none for a waiting ticket moved
            counter->current.reset();
            counter->since = at;
        }
    }

    // A recall replaces the ticket's earlier call, as on the boards' live lists: a repeat would
    // show the number twice and push another call off the end (docs/DOMAIN.md#boards).
    void remember_call(ticket const& t, counter_number counter, time_point at, bool recall) {
        auto number = c_.number_of(t);
        std::erase_if(c_.recent_calls_, [&](call_record const& r) { return r.number == number; });
        c_.recent_calls_.push_front({std::move(number), t.current().service, counter, at, recall});
        if (c_.recent_calls_.size() > c_.config_.rules.recent_calls) c_.recent_calls_.pop_back();
    }

    centre& c_;
};

void centre::apply(event const& ev) {
    if (auto booking = as_booking(ev)) return bookings_.apply(*booking);  // its ticket is an event of its own
    std::visit(applier{*this}, ev);
}

}  // namespace novbe::core
