#include "breach_forecast.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace novbe::core {

std::optional<duration> predicted_breach(centre const& c, service_index s, time_point now) {
    return predicted_breach(c, s, now, c.config().services[s].target_wait);
}

namespace {

// What every forecast of line `s` at `now` reads, whatever its limit: read once per line and
// moment, since the tick judges the target and the maximum and then the breach's time.
struct line_waits {
    bool stalled = false;  // tickets wait and no counter is open or paused for the line
    bool waiting = false;
    std::vector<std::pair<time_point, duration>> tickets;  // each waiting walk-in: joined, wait left
    duration now_wait{};   // of a normal ticket taken now
    std::optional<centre::line_outlook> normal;  // the line for normal tickets (none when stalled)
};

line_waits waits_of(centre const& c, service_index s, time_point now) {
    line_waits w;
    w.stalled = c.open_counters(s) == 0 && std::none_of(c.config().counters.begin(), c.config().counters.end(), [&](auto const& k) {
        auto const* state = c.find_counter(k.number);
        return state->status() == counter_status::paused && std::find(k.services.begin(), k.services.end(), s) != k.services.end();
    });
    if (!w.stalled) w.normal = c.outlook(s, priority_class::normal, now);
    std::optional<centre::line_outlook> priority;
    // The line's own waiting tickets, not the day's, each estimated from the line read once: the
    // forecast runs every minute for every line (the simulator's stress day, bench/README.md).
    c.queue(s).each_walk_in(now, c.config().rules.appointment_early, [&](ticket_ordinal ordinal, std::size_t ahead) {
        auto const& t = c.tickets()[ordinal];
        w.waiting = true;
        if (w.stalled) {
            w.tickets.emplace_back(t.current().joined, duration::max() / 2);
            return;
        }
        if (t.cls == priority_class::priority && !priority) priority = c.outlook(s, priority_class::priority, now);
        auto const& o = t.cls == priority_class::priority ? *priority : *w.normal;
        w.tickets.emplace_back(t.current().joined, centre::estimate(o, ahead).middle);
    });
    if (!w.stalled) {
        auto const ahead = c.queue(s).ahead_of_new(priority_class::normal, std::nullopt, now, c.config().rules.appointment_early);
        w.now_wait = centre::estimate(*w.normal, ahead).middle;
    }
    return w;
}

// The line's recent arrivals (docs/DOMAIN.md#alerts-before-a-breach): the normal tickets that
// join it until the last joiner whose limit falls inside the horizon, at the rate of the last
// arrival_window, each one more ahead of the next. A normal ticket taken then waits what the
// engine estimates with them ahead, less the time they took to come (the line moves meanwhile).
// When that passes the limit, the first joiner to pass it is found on the straight line from the
// wait of one taken now: the breach is its joining + the limit.
std::optional<time_point> joiner_breach(centre const& c, service_index s, time_point now, duration limit, line_waits const& w) {
    auto const ahead_span = c.config().rules.alert_horizon - limit;
    if (ahead_span <= duration::zero()) return std::nullopt;
    auto const arrived = c.pace(s).normal_since(now - arrival_window);
    auto const coming = static_cast<double>(arrived) * static_cast<double>(ahead_span.count()) / static_cast<double>(arrival_window.count());
    auto const extra = static_cast<std::size_t>(coming + 0.5);
    if (extra == 0) return std::nullopt;
    auto const ahead = c.queue(s).ahead_of_new(priority_class::normal, std::nullopt, now, c.config().rules.appointment_early);
    auto const last_wait = centre::estimate(*w.normal, ahead + extra).middle - ahead_span;
    auto const now_wait = w.now_wait;
    if (last_wait <= limit || last_wait <= now_wait) return std::nullopt;
    auto const share = static_cast<double>((limit - now_wait).count()) / static_cast<double>((last_wait - now_wait).count());
    auto const joins = now + duration(static_cast<duration::rep>(std::max(share, 0.0) * static_cast<double>(ahead_span.count())));
    return joins + limit;
}

// `future_only`: tickets that have passed the limit already are not counted (calling them is
// the only cure), so that the advice says what clears the rest. `lead`: waiting tickets whose
// limit passes sooner than that from now are not counted either (alert_lead).
std::optional<duration> first_breach(centre const& c, service_index s, time_point now, duration limit, bool future_only,
                                     line_waits const& w, duration lead = duration::zero()) {
    std::optional<time_point> first;
    auto consider = [&](time_point joined, duration wait_left) {
        if (future_only && joined + limit <= now) return;
        if (now + wait_left > joined + limit && (!first || joined + limit < *first)) first = joined + limit;
    };
    for (auto const& [joined, wait_left] : w.tickets)
        if (joined + limit <= now || joined + limit >= now + lead) consider(joined, wait_left);
    if (!w.stalled || !w.waiting) {
        if (w.stalled) consider(now, c.estimated_range(s, now).middle);  // nobody waits: as for a ticket taken now
        else {
            consider(now, w.now_wait);
            if (auto later = joiner_breach(c, s, now, limit, w); later && (!first || *later < *first)) first = later;
        }
    }
    if (!first) return std::nullopt;
    return std::max(*first - now, duration::zero());
}

}  // namespace

std::optional<duration> predicted_breach(centre const& c, service_index s, time_point now, duration limit) {
    return first_breach(c, s, now, limit, false, waits_of(c, s, now));
}

namespace {

alert_level level_at(centre const& c, service_index s, time_point now, duration horizon, line_waits const& w,
                     bool future_only = false) {
    auto const& service = c.config().services[s];
    auto within = [&](duration limit) {
        auto b = first_breach(c, s, now, limit, future_only, w);
        return b && *b <= horizon;
    };
    if (within(service.max_wait)) return alert_level::maximum;
    return within(service.target_wait) ? alert_level::target : alert_level::none;
}

// The closed or paused counters that serve line `s`, in the configuration's order.
std::vector<counter_number> could_open(centre const& c, service_index s) {
    std::vector<counter_number> out;
    for (auto const& k : c.config().counters) {
        if (std::find(k.services.begin(), k.services.end(), s) == k.services.end()) continue;
        auto status = c.find_counter(k.number)->status();
        if ((status == counter_status::closed || status == counter_status::paused) && out.size() < max_alert_advice)
            out.push_back(k.number);
    }
    return out;
}

// How many of `candidates`, opened (or back from their pause) in turn, clear the forecast of
// tickets not yet past the limit: on a copy of the centre, so that the advice is the engine's
// own arithmetic.
std::uint32_t counters_needed(centre const& c, service_index s, time_point now, std::vector<counter_number> const& candidates) {
    centre what_if = c;
    auto const horizon = c.config().rules.alert_horizon;
    for (std::size_t n = 0; n < candidates.size(); ++n) {
        auto const* state = what_if.find_counter(candidates[n]);
        if (state->open) what_if.apply(counter_resumed{candidates[n], now});
        else what_if.apply(counter_opened{candidates[n], "advice", now});
        if (level_at(what_if, s, now, horizon, waits_of(what_if, s, now), true) == alert_level::none)
            return static_cast<std::uint32_t>(n + 1);
    }
    return 0;
}

line_alert forecast(centre const& c, service_index s, time_point now, line_waits const& w) {
    auto const horizon = c.config().rules.alert_horizon;
    line_alert out{.level = level_at(c, s, now, horizon, w)};
    if (out.level == alert_level::none) return out;
    auto const& service = c.config().services[s];
    auto limit = out.level == alert_level::maximum ? service.max_wait : service.target_wait;
    out.breach_at = now + first_breach(c, s, now, limit, false, w).value_or(duration::zero());
    out.could_open = could_open(c, s);
    return out;
}

bool may_rise(centre const& c, service_index s, time_point now, line_waits const& w) {
    if (w.stalled) return true;  // a line that does not move calls nobody in time
    auto const& service = c.config().services[s];
    auto const horizon = c.config().rules.alert_horizon;
    for (auto limit : {service.target_wait, service.max_wait}) {
        auto b = first_breach(c, s, now, limit, false, w, alert_lead);
        if (b && *b <= horizon) return true;
    }
    return false;
}

}  // namespace

line_alert forecast_alert(centre const& c, service_index s, time_point now) { return forecast(c, s, now, waits_of(c, s, now)); }

bool alert_may_rise(centre const& c, service_index s, time_point now) { return may_rise(c, s, now, waits_of(c, s, now)); }

std::vector<event> alerts_due(centre const& c, time_point now) {
    std::vector<event> out;
    auto const& rules = c.config().rules;
    for (service_index s = 0; s < c.config().services.size(); ++s) {
        auto const& held = c.alerts()[s];
        auto const waits = waits_of(c, s, now);
        auto next = forecast(c, s, now, waits);
        if (next.level == alert_level::none && held.level != alert_level::none) {
            // Kept while the first ticket's target is still predicted to pass within the margin.
            auto b = first_breach(c, s, now, c.config().services[s].target_wait, false, waits);
            if (b && *b <= rules.alert_horizon + alert_margin) continue;
        }
        if (next.level == alert_level::none && held.level == alert_level::none) continue;
        if (held.level == alert_level::none && !may_rise(c, s, now, waits)) continue;
        auto moved = next.breach_at > held.breach_at ? next.breach_at - held.breach_at : held.breach_at - next.breach_at;
        if (next.level == held.level && next.could_open == held.could_open && moved < alert_shift) continue;
        if (next.level != alert_level::none) next.counters_needed = counters_needed(c, s, now, next.could_open);
        out.push_back(alert_changed{s, std::move(next), now});
    }
    return out;
}

}  // namespace novbe::core
