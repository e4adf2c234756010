// A day of the log as the simulator's day (replay.hpp): the tickets at the day's end are the
// citizens, the counters' events their plans, and the tickets' visits the "as it happened" row.
#include "figures.hpp"
#include "replay.hpp"

#include "store/codec.hpp"

#include <algorithm>
#include <map>

namespace novbe::sim {
namespace {

using core::duration;
using core::time_point;
using std::chrono::duration_cast;

double secs(duration d) { return std::chrono::duration<double>(d).count(); }

// One counter's day from its events: the first opening and last closing; a pause, or a time
// closed between two openings, is a break.
struct counter_track {
    std::optional<duration> open, closed_at, paused_at;
    std::vector<counter_break> breaks;
    void pause_from(duration from, duration to) {
        if (to - from >= std::chrono::seconds(1))
            breaks.push_back({.at = duration_cast<seconds>(from), .length = duration_cast<seconds>(to - from)});
    }
};

std::map<core::counter_number, counter_track> counters_of(std::vector<core::event> const& events, time_point origin,
                                                          duration& end) {
    std::map<core::counter_number, counter_track> out;
    for (auto const& ev : events) {
        end = std::max(end, store::event_time(ev) - origin);
        std::visit([&](auto const& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, core::counter_opened>) {
                auto& c = out[e.counter];
                if (!c.open) c.open = e.at - origin;
                else if (c.closed_at) c.pause_from(*c.closed_at, e.at - origin);
                c.closed_at.reset();
            } else if constexpr (std::is_same_v<E, core::counter_paused>) {
                out[e.counter].paused_at = e.at - origin;
            } else if constexpr (std::is_same_v<E, core::counter_resumed>) {
                auto& c = out[e.counter];
                if (c.paused_at) c.pause_from(*c.paused_at, e.at - origin);
                c.paused_at.reset();
            } else if constexpr (std::is_same_v<E, core::counter_closed>) {
                auto& c = out[e.counter];
                c.closed_at = c.paused_at.value_or(e.at - origin);  // closed during a pause: closed at its start
                c.paused_at.reset();
            }
        }, ev);
    }
    return out;
}

// A stay's time at the counter, from the start of service to its end; else the service's prior.
duration served_for(core::visit const& v, core::service_config const& s) {
    return v.started && v.ended ? *v.ended - *v.started : s.default_service_time;
}

}  // namespace

replayed_day day_of_log(core::centre_config const& at_start, core::centre const& at_end, std::vector<core::event> const& events) {
    replayed_day out;
    auto& d = out.d;
    auto const& end_config = at_end.config();
    // The set-up at the day's start, and what the day itself added (the set-up only grows).
    d.centre = at_start;
    for (auto i = d.centre.services.size(); i < end_config.services.size(); ++i) d.centre.services.push_back(end_config.services[i]);
    for (auto& s : d.centre.services) s.retired = false;  // retired later or not, its tickets replay
    auto origin = time_point(std::chrono::floor<std::chrono::minutes>(events.empty() ? time_point{} : store::event_time(events.front())));
    // The simulator's clock is UTC (the log does not hold the centre's offset): the day starts at the
    // minute of its first event.
    d.opening = duration_cast<minutes>(origin - std::chrono::floor<std::chrono::days>(origin));
    duration end{};
    auto tracks = counters_of(events, origin, end);
    std::vector<core::counter_config> counters;
    for (auto const& [number, track] : tracks) {
        if (!track.open) continue;  // paused or closed with no opening: not a counter of the day
        auto const* config = d.centre.find_counter(number);
        if (!config) config = end_config.find_counter(number);
        if (!config) throw replay_error("counter " + std::to_string(number) + " is in the day's events, not in its set-up");
        auto c = *config;
        c.retired = false;
        counter_plan plan{.open = duration_cast<seconds>(*track.open), .breaks = track.breaks};
        auto closes = track.paused_at ? *track.paused_at : track.closed_at.value_or(end);
        plan.close = std::max(duration_cast<seconds>(closes), plan.open + seconds(1));
        std::erase_if(plan.breaks, [&](counter_break const& b) { return b.at + b.length > plan.close; });
        counters.push_back(std::move(c));
        d.counters.push_back(std::move(plan));
    }
    d.centre.counters = std::move(counters);

    // Citizens and their plans: the walk and the no-show's wait are the day's means.
    d.services.resize(d.centre.services.size());
    std::vector<std::map<core::service_index, int>> transfers(d.centre.services.size());
    duration walks{}, no_show_waits{};
    int walked = 0, missed = 0;
    std::vector<samples> by_service(d.centre.services.size());
    samples priority, normal;
    std::map<core::counter_number, duration> busy;
    for (auto const& t : at_end.tickets()) {
        auto const& first = t.visits.front();
        citizen c{.at = t.issued - origin, .service = first.service, .priority = t.cls == core::priority_class::priority};
        c.no_show = first.end == core::visit_end::no_show || (!first.called && t.state == core::ticket_state::cancelled);
        c.service_time = served_for(first, d.centre.services[first.service]);
        if (first.end == core::visit_end::transferred && t.visits.size() > 1) {
            c.transfer = true;
            ++transfers[first.service][t.visits[1].service];
            c.second_time = served_for(t.visits[1], d.centre.services[t.visits[1].service]);
        }
        out.citizens.push_back(c);
        // As it happened: each visit's wait from joining its line to its call (docs/DOMAIN.md#estimates).
        for (std::size_t i = 0; i < t.visits.size(); ++i) {
            auto const& v = t.visits[i];
            auto& by_class = c.priority ? priority : normal;
            if (v.end == core::visit_end::no_show) {
                ++by_service[v.service].no_shows;
                ++by_class.no_shows;
                if (v.ended && v.called) {
                    no_show_waits += *v.ended - *v.called;
                    ++missed;
                }
            }
            if (v.called && v.started) {
                walks += *v.started - *v.called;
                ++walked;
            }
            if (v.called && v.ended) busy[v.counter] += *v.ended - *v.called;
            if (!v.called) continue;
            auto wait = *v.called - v.joined;
            bool within = wait <= d.centre.services[v.service].target_wait;
            for (auto* s : {&by_service[v.service], &by_class}) {
                s->add_wait(secs(wait), within);
                // The log keeps the range told, not the estimate before ranges: the middle stands in for it.
                if (i == 0) s->add_estimate(secs(wait), {.low = secs(t.estimated_low), .middle = secs(t.estimated_wait),
                                                         .high = secs(t.estimated_high), .old = secs(t.estimated_wait)});
            }
        }
        if (t.state == core::ticket_state::closed || t.state == core::ticket_state::waiting) {
            ++by_service[t.visits.back().service].unserved;
            ++(c.priority ? priority : normal).unserved;
        }
    }
    if (walked) d.walk = duration_cast<seconds>(walks / walked);
    if (missed) d.no_show_after = std::max(seconds(1), duration_cast<seconds>(no_show_waits / missed));
    for (std::size_t s = 0; s < transfers.size(); ++s) {  // each line's transfers go to its most usual target
        auto most = std::max_element(transfers[s].begin(), transfers[s].end(),
                                     [](auto const& a, auto const& b) { return a.second < b.second; });
        if (most != transfers[s].end()) d.services[s].transfer_to = most->first;
        d.services[s].mean_service = duration_cast<seconds>(d.centre.services[s].default_service_time);
    }

    auto& r = out.as_happened;
    r.variant = "as it happened";
    r.tickets = at_end.tickets().size();
    samples all;
    for (std::size_t s = 0; s < by_service.size(); ++s) {
        all += by_service[s];
        r.services.push_back(summarise(d.centre.services[s].id, by_service[s]));
    }
    r.overall = summarise("all", all);
    r.priority = summarise("priority", priority);
    r.normal = summarise("normal", normal);
    // Utilisation as the simulator counts it: called or serving / open and not paused.
    auto utilisation = [&](auto&& serves) {
        duration b{}, working{};
        for (std::size_t i = 0; i < d.counters.size(); ++i) {
            if (!serves(d.centre.counters[i])) continue;
            b += busy[d.centre.counters[i].number];
            working += d.counters[i].close - d.counters[i].open;
            for (auto const& br : d.counters[i].breaks) working -= br.length;
        }
        return working.count() > 0 ? secs(b) / secs(working) : 0.0;
    };
    for (core::service_index s = 0; s < r.services.size(); ++s)
        r.services[s].utilisation = utilisation([&](core::counter_config const& c) { return std::ranges::count(c.services, s) > 0; });
    r.utilisation = r.overall.utilisation = utilisation([](core::counter_config const&) { return true; });
    return out;
}

}  // namespace novbe::sim
