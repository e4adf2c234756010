#include "simulation.hpp"

#include "core/breach_forecast.hpp"
#include "day_run.hpp"

#include <stdexcept>

namespace novbe::sim {

core::centre_config engine_config(day const& d, variant const& v) {
    auto config = d.centre;
    for (std::size_t i = 0; i < config.counters.size(); ++i) {
        auto& c = config.counters[i];
        if (v.policy) c.policy = *v.policy;
        if (v.normal_per_priority) c.normal_per_priority.reset();
        c.breaks.clear();
        if (!v.plan_known) continue;
        for (auto const& b : d.counters[i].breaks) {  // the day file's plan, on the engine's clock
            auto at = d.opening + std::chrono::duration_cast<std::chrono::minutes>(b.at);
            if (at < std::chrono::hours(24) && c.breaks.size() < core::max_planned_breaks)
                c.breaks.push_back({.at = at, .length = std::chrono::duration_cast<core::duration>(b.length)});
        }
    }
    if (v.max_priority_streak) config.rules.max_priority_streak = *v.max_priority_streak;
    if (v.normal_per_priority) config.rules.normal_per_priority = *v.normal_per_priority;
    // The simulated day starts at opening and the centre issues all day: arrivals stop by themselves.
    config.rules.utc_offset = std::chrono::minutes(0);
    config.rules.day_start = d.opening;
    config.rules.opening = std::chrono::minutes(0);
    config.rules.closing = std::chrono::hours(24);
    if (auto problem = core::validate(config, core::engine_caps); !problem.empty()) throw std::invalid_argument(v.name + ": " + problem);
    return config;
}

core::booking_config engine_bookings(day const& d, core::centre_config const& engine) {
    auto config = d.booking;
    // Every day bookable for the 24 hours from [day] opening, the engine's day (engine_config):
    // its hours are local times, so they start at the day's start, not at midnight.
    config.calendar = {};
    for (auto& h : config.calendar.weekly) h = core::day_hours{engine.rules.day_start, engine.rules.day_start + std::chrono::hours(24)};
    config.services.resize(engine.services.size(), core::booking_service_rules{.bookable = false});
    for (std::size_t s = 0; s < d.services.size() && s < config.services.size(); ++s)
        config.services[s].bookable = d.services[s].booked.bookings > 0;
    if (auto problem = core::validate(config, engine); !problem.empty()) throw std::invalid_argument("bookings: " + problem);
    return config;
}

namespace detail {
namespace {

// A day without bookings runs the engine without booking rules, exactly as before they came.
core::centre make_centre(day const& d, variant const& v) {
    auto config = engine_config(d, v);
    if (!d.has_bookings()) return core::centre(config);
    auto booking = engine_bookings(d, config);
    return core::centre(std::move(config), std::move(booking));
}

}  // namespace

day_run::day_run(day const& d, std::vector<citizen> const& citizens, variant const& v, event_sink const& on_events)
    : day_(d), citizens_(citizens), name_(v.name), on_events_(on_events), centre_(make_centre(d, v)), runs_(d.counters.size()),
      by_service_(d.services.size()), bookings_(d.services.size()), serving_(d.services.size()),
      last_close_(d.services.size()), alerts_(d.services.size()) {
    origin_ = core::time_point(std::chrono::sys_days(std::chrono::year(2026) / 12 / 1)) + d.opening;
    for (std::size_t c = 0; c < d.counters.size(); ++c) {
        for (auto s : d.centre.counters[c].services) {
            serving_[s].push_back(c);
            last_close_[s] = std::max<duration>(last_close_[s], d.counters[c].close);
        }
        auto n = d.centre.counters[c].number;
        if (index_of_.size() <= n) index_of_.resize(n + 1);
        index_of_[n] = c;
    }
}

result day_run::run() {
    now_ = origin_;
    book_all();  // before the day opens: every booking is made when the first counter opens
    for (std::uint32_t c = 0; c < day_.counters.size(); ++c) {
        auto const& plan = day_.counters[c];
        schedule(plan.open, kind::open, c);
        for (auto const& b : plan.breaks) schedule(b.at, kind::break_start, c);
        schedule(plan.close, kind::close, c);
    }
    for (std::uint32_t i = 0; i < citizens_.size(); ++i)
        if (!citizens_[i].booked()) schedule(citizens_[i].at, kind::arrival, i);
    duration last_close{};
    for (auto const& plan : day_.counters) last_close = std::max(last_close, duration(plan.close));
    for (duration at{}; at <= last_close; at += alert_tick) schedule(at, kind::watch, 0);
    while (!queue_.empty()) {
        auto ev = queue_.top();
        queue_.pop();
        now_ = origin_ + ev.at;
        handle(ev);
    }
    if (day_.has_bookings()) lapse_due();  // the windows that ended after the last minute's watch
    run(core::close_day{});  // whoever still waits is closed unserved
    return figures();
}

bool day_run::run(core::command const& cmd) {
    auto out = centre_.decide(cmd, now_);
    ++commands_;
    if (!out.ok()) {
        if (out.error() == core::errc::nothing_waiting) return false;
        throw std::logic_error(name_ + ": the engine refused a command: " + std::string(core::name(out.error())));
    }
    apply_all(out.events());
    return true;
}

void day_run::apply_all(std::vector<core::event> const& events) {
    for (auto const& ev : events) {
        centre_.apply(ev);
        record(ev);
    }
    if (on_events_) on_events_(events);
}

void day_run::issue(std::size_t c, core::priority_class cls) {
    issuing_ = c;
    run(core::issue_ticket{.service = citizens_[c].service, .cls = cls, .language = "en", .token = ticket_token(c)});
    wake(citizens_[c].service);
}

void day_run::handle(sim_event const& ev) {
    auto c = ev.who;
    if (ev.what == kind::watch) {  // the dashboard's forecast, once a minute
        for (core::service_index s = 0; s < alerts_.size(); ++s) {
            auto breach = core::predicted_breach(centre_, s, now_);
            auto on = breach && *breach <= core::breach_horizon;
            // As the server's tick: an alert not up is raised only by a forecast that may raise one.
            if (on && !alerts_[s].raised()) on = core::alert_may_rise(centre_, s, now_);
            alerts_[s].watch(now_ - origin_, on);
        }
        if (day_.has_bookings()) lapse_due();  // as the server's tick: windows that have ended lapse
        return;
    }
    if (ev.what == kind::arrival) {  // `who` is a citizen
        issue(c, citizens_[c].priority ? core::priority_class::priority : core::priority_class::normal);
        return;
    }
    if (ev.what == kind::check_in) {  // a booking's citizen at the kiosk
        check_in(c);
        return;
    }
    auto& r = runs_[c];  // otherwise a counter
    switch (ev.what) {
    case kind::open:
        run(core::open_counter{.counter = number(c), .clerk = clerk(c)});
        r.open_since = now_ - origin_;
        try_call(c);
        break;
    case kind::break_start:
    case kind::close:
        if (ev.what == kind::close) r.close_wanted = true;
        if (r.idle) try_call(c);  // a busy counter pauses or closes when its citizen leaves
        break;
    case kind::break_end:
        run(core::resume_counter{.counter = number(c), .by = clerk(c)});
        r.paused_time += now_ - origin_ - r.pause_since;
        try_call(c);
        break;
    case kind::arrival:
    case kind::check_in:
    case kind::watch: break;  // above
    case kind::at_counter: {
        run(core::start_serving{.counter = number(c), .by = clerk(c)});
        auto const& t = tickets_[*centre_.counters()[c].current];
        auto const& who = citizens_[t.citizen];
        schedule_in(t.visits == 1 ? who.service_time : who.second_time, kind::service_done, c);
        break;
    }
    case kind::service_done: {
        auto const& t = tickets_[*centre_.counters()[c].current];
        auto const& who = citizens_[t.citizen];
        auto to = day_.services[t.service].transfer_to;
        if (who.transfer && t.visits == 1 && to) {
            run(core::transfer_ticket{.counter = number(c), .to = *to, .by = clerk(c)});
            try_call(c);
            wake(*to);
        } else {
            run(core::complete_service{.counter = number(c), .by = clerk(c)});
            try_call(c);
        }
        break;
    }
    case kind::no_show:
        run(core::mark_no_show{.counter = number(c), .by = clerk(c)});
        try_call(c);
        break;
    }
}

// The counter is free: it closes, takes its break, or calls next. True if it called someone.
bool day_run::try_call(std::size_t c) {
    auto& r = runs_[c];
    auto const& plan = day_.counters[c];
    r.idle = false;
    if (r.close_wanted) {
        run(core::close_counter{.counter = number(c), .by = clerk(c)});
        r.open_time += now_ - origin_ - r.open_since;
        return false;
    }
    if (r.next_break < plan.breaks.size() && plan.breaks[r.next_break].at <= now_ - origin_) {
        run(core::pause_counter{.counter = number(c), .reason = "break", .by = clerk(c)});
        r.pause_since = now_ - origin_;
        schedule_in(plan.breaks[r.next_break++].length, kind::break_end, static_cast<std::uint32_t>(c));
        return false;
    }
    if (!run(core::call_next{.counter = number(c), .by = clerk(c)})) {
        r.idle = true;
        return false;
    }
    auto const& t = tickets_[*centre_.counters()[c].current];
    bool gone = citizens_[t.citizen].no_show && t.visits == 1;
    schedule_in(gone ? duration(day_.no_show_after) : duration(day_.walk), gone ? kind::no_show : kind::at_counter,
                static_cast<std::uint32_t>(c));
    return true;
}

// A ticket joined service `s`'s line: the first idle counter serving it calls.
void day_run::wake(core::service_index s) {
    for (auto c : serving_[s])
        if (runs_[c].idle && try_call(c)) return;
}

}  // namespace detail

result simulate(day const& d, std::vector<citizen> const& citizens, variant const& v, event_sink const& on_events) {
    return detail::day_run(d, citizens, v, on_events).run();
}

}  // namespace novbe::sim
