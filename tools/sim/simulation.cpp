#include "simulation.hpp"

#include "core/breach_forecast.hpp"
#include "core/centre.hpp"
#include "figures.hpp"

#include <queue>
#include <stdexcept>

namespace novbe::sim {
namespace {

using core::duration;

double seconds(duration d) { return std::chrono::duration<double>(d).count(); }

enum class kind : std::uint8_t { open, break_start, break_end, close, arrival, at_counter, service_done, no_show, watch };

struct sim_event {
    duration at{};
    std::uint64_t seq = 0;  // equal times in the order scheduled: the plan first, then arrivals
    kind what = kind::open;
    std::uint32_t who = 0;  // a counter's index, or a citizen's for arrivals
    bool operator>(sim_event const& o) const { return at != o.at ? at > o.at : seq > o.seq; }
};

struct counter_run {
    bool idle = false;  // open, not paused, nobody at it: waits for a ticket to arrive
    bool close_wanted = false;
    std::size_t next_break = 0;
    duration open_since{}, busy_since{}, pause_since{};
    duration open_time{}, busy_time{}, paused_time{};
};

struct ticket_run {
    std::size_t citizen = 0;
    duration joined{};  // issue, or transfer into the current line
    core::service_index service = 0;
    int visits = 0;
    told_wait told;  // at issue, seconds
};

}  // namespace

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

namespace {

class day_run {
public:
    day_run(day const& d, std::vector<citizen> const& citizens, variant const& v, event_sink const& on_events)
        : day_(d), citizens_(citizens), name_(v.name), on_events_(on_events), centre_(engine_config(d, v)), runs_(d.counters.size()),
          by_service_(d.services.size()), serving_(d.services.size()), alerts_(d.services.size()) {
        origin_ = core::time_point(std::chrono::sys_days(std::chrono::year(2026) / 12 / 1)) + d.opening;
        for (std::size_t c = 0; c < d.counters.size(); ++c) {
            for (auto s : d.centre.counters[c].services) serving_[s].push_back(c);
            auto n = d.centre.counters[c].number;
            if (index_of_.size() <= n) index_of_.resize(n + 1);
            index_of_[n] = c;
        }
    }

    result run() {
        for (std::uint32_t c = 0; c < day_.counters.size(); ++c) {
            auto const& plan = day_.counters[c];
            schedule(plan.open, kind::open, c);
            for (auto const& b : plan.breaks) schedule(b.at, kind::break_start, c);
            schedule(plan.close, kind::close, c);
        }
        for (std::uint32_t i = 0; i < citizens_.size(); ++i) schedule(citizens_[i].at, kind::arrival, i);
        duration last_close{};
        for (auto const& plan : day_.counters) last_close = std::max(last_close, duration(plan.close));
        for (duration at{}; at <= last_close; at += alert_tick) schedule(at, kind::watch, 0);
        while (!queue_.empty()) {
            auto ev = queue_.top();
            queue_.pop();
            now_ = origin_ + ev.at;
            handle(ev);
        }
        run(core::close_day{});  // whoever still waits is closed unserved
        return figures();
    }

private:
    template <class D>
    void schedule(D after_opening, kind what, std::uint32_t who) {
        queue_.push({std::chrono::duration_cast<duration>(after_opening), seq_++, what, who});
    }
    void schedule_in(duration from_now, kind what, std::uint32_t who) {
        schedule(now_ - origin_ + from_now, what, who);
    }

    // Decides and applies one command; false only for an allowed "nothing waiting".
    bool run(core::command const& cmd) {
        auto out = centre_.decide(cmd, now_);
        ++commands_;
        if (!out.ok()) {
            if (out.error() == core::errc::nothing_waiting) return false;
            throw std::logic_error(name_ + ": the engine refused a command: " + std::string(core::name(out.error())));
        }
        for (auto const& ev : out.events()) {
            centre_.apply(ev);
            record(ev);
        }
        if (on_events_) on_events_(out.events());
        return true;
    }

    std::string clerk(std::size_t c) const { return "clerk " + std::to_string(number(c)); }
    core::counter_number number(std::size_t c) const { return day_.centre.counters[c].number; }

    void handle(sim_event const& ev) {
        auto c = ev.who;
        if (ev.what == kind::watch) {  // the dashboard's forecast, once a minute
            for (core::service_index s = 0; s < alerts_.size(); ++s) {
                auto breach = core::predicted_breach(centre_, s, now_);
                alerts_[s].watch(now_ - origin_, breach && *breach <= core::breach_horizon);
            }
            return;
        }
        if (ev.what == kind::arrival) {  // `who` is a citizen
            run(core::issue_ticket{.service = citizens_[c].service,
                                   .cls = citizens_[c].priority ? core::priority_class::priority : core::priority_class::normal,
                                   .language = "en", .token = {.hi = c + 1ULL, .lo = day_.seed}});
            wake(citizens_[c].service);
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
    bool try_call(std::size_t c) {
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
    void wake(core::service_index s) {
        for (auto c : serving_[s])
            if (runs_[c].idle && try_call(c)) return;
    }

    void record(core::event const& ev);
    result figures();

    day const& day_;
    std::vector<citizen> const& citizens_;
    std::string name_;
    event_sink const& on_events_;
    core::centre centre_;
    core::time_point origin_{}, now_{};
    std::priority_queue<sim_event, std::vector<sim_event>, std::greater<>> queue_;
    std::uint64_t seq_ = 0;
    std::size_t commands_ = 0, next_citizen_ = 0;
    std::vector<counter_run> runs_;
    std::vector<ticket_run> tickets_;  // by the engine's ordinal
    std::vector<samples> by_service_;
    samples priority_, normal_;
    std::vector<std::vector<std::size_t>> serving_;  // per service: the counters serving it, in the day's order
    std::vector<std::size_t> index_of_;               // counter number -> index
    std::vector<alert_watch> alerts_;                 // per service
};

void day_run::record(core::event const& ev) {
    auto counter_index = [&](core::counter_number n) { return index_of_[n]; };
    auto busy_ends = [&](core::counter_number n, core::time_point at) {
        auto& r = runs_[counter_index(n)];
        r.busy_time += at - origin_ - r.busy_since;
    };
    if (auto const* issued = std::get_if<core::ticket_issued>(&ev)) {
        if (tickets_.size() <= issued->ticket) tickets_.resize(issued->ticket + 1);
        auto s = issued->service;  // the estimate before ranges, from the same state (docs/DOMAIN.md#estimates)
        auto old = core::estimate_wait(issued->people_ahead, centre_.open_counters(s), centre_.expected_service(s));
        tickets_[issued->ticket] = {.citizen = next_citizen_++, .joined = issued->at - origin_, .service = s, .visits = 1,
                                    .told = {.low = seconds(issued->estimated_low), .middle = seconds(issued->estimated_wait),
                                             .high = seconds(issued->estimated_high), .old = seconds(old)}};
    } else if (auto const* called = std::get_if<core::ticket_called>(&ev)) {
        auto& t = tickets_[called->ticket];
        runs_[counter_index(called->counter)].busy_since = called->at - origin_;
        double wait = std::chrono::duration<double>(called->at - origin_ - t.joined).count();
        auto const target = day_.centre.services[t.service].target_wait;
        bool within = called->at - origin_ - t.joined <= target;
        if (!within) alerts_[t.service].breach(t.joined + target);
        auto& by_class = citizens_[t.citizen].priority ? priority_ : normal_;
        for (auto* s : {&by_service_[t.service], &by_class}) {
            s->add_wait(wait, within);
            if (t.visits == 1) s->add_estimate(wait, t.told);
        }
    } else if (auto const* moved = std::get_if<core::ticket_transferred>(&ev)) {
        auto& t = tickets_[moved->ticket];
        t.joined = moved->at - origin_;
        t.service = moved->to;
        ++t.visits;
        busy_ends(moved->counter, moved->at);
    } else if (auto const* done = std::get_if<core::service_completed>(&ev)) {
        busy_ends(done->counter, done->at);
    } else if (auto const* gone = std::get_if<core::ticket_no_show>(&ev)) {
        busy_ends(gone->counter, gone->at);
        auto const& t = tickets_[gone->ticket];
        ++by_service_[t.service].no_shows;
        ++(citizens_[t.citizen].priority ? priority_ : normal_).no_shows;
    } else if (std::holds_alternative<core::day_closed>(ev)) {
        for (auto const& t : centre_.tickets()) {  // applied already: the unserved are closed now
            if (t.state != core::ticket_state::closed) continue;
            auto const& v = t.current();
            if (v.joined + day_.centre.services[v.service].target_wait < std::get<core::day_closed>(ev).at)
                alerts_[v.service].breach(v.joined + day_.centre.services[v.service].target_wait - origin_);
            ++by_service_[t.current().service].unserved;
            ++(t.cls == core::priority_class::priority ? priority_ : normal_).unserved;
        }
    }
}

result day_run::figures() {
    result out{.variant = name_, .tickets = centre_.tickets().size(), .commands = commands_};
    samples all;
    for (std::size_t s = 0; s < by_service_.size(); ++s) {
        auto& in = by_service_[s];
        all += in;
        out.services.push_back(summarise(day_.centre.services[s].id, in));
    }
    out.overall = summarise("all", all);
    out.priority = summarise("priority", priority_);
    out.normal = summarise("normal", normal_);
    auto utilisation = [&](auto const& counters) {
        duration busy{}, working{};
        for (std::size_t c : counters) {
            busy += runs_[c].busy_time;
            working += runs_[c].open_time - runs_[c].paused_time;
        }
        return working.count() > 0 ? static_cast<double>(busy.count()) / static_cast<double>(working.count()) : 0.0;
    };
    for (std::size_t s = 0; s < serving_.size(); ++s) out.services[s].utilisation = utilisation(serving_[s]);
    alert_figures every_line;
    for (std::size_t s = 0; s < alerts_.size(); ++s) {
        out.services[s].alerts = alerts_[s].figures();
        every_line += out.services[s].alerts;
    }
    out.overall.alerts = every_line;
    std::vector<std::size_t> every(runs_.size());
    for (std::size_t c = 0; c < every.size(); ++c) every[c] = c;
    out.utilisation = out.overall.utilisation = utilisation(every);
    return out;
}

}  // namespace

result simulate(day const& d, std::vector<citizen> const& citizens, variant const& v, event_sink const& on_events) {
    return day_run(d, citizens, v, on_events).run();
}

}  // namespace novbe::sim
