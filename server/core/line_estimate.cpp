// The estimate of a line's wait as a range (docs/DOMAIN.md#estimates): what the centre's state
// says of the line is gathered here; wait_estimate.cpp does the arithmetic.
#include "centre.hpp"

#include <algorithm>
#include <tuple>

namespace novbe::core {

duration centre::estimated_wait(ticket const& t, time_point now) const { return estimated_range(t, now).middle; }

duration centre::estimated_wait(service_index s, time_point now) const { return estimated_range(s, now).middle; }

wait_range centre::estimated_range(ticket const& t, time_point now) const {
    if (t.state != ticket_state::waiting) return {};
    auto const s = t.current().service;
    return not_before_due(estimate(s, t.cls, people_ahead(t, now), now), s, t.due, now);
}

// An early appointment waits behind every walk-in until it is due (docs/DOMAIN.md#estimates): a
// citizen who checks in 30 minutes early waits those minutes, unless nobody else waits in the line.
wait_range centre::not_before_due(wait_range r, service_index s, std::optional<time_point> due, time_point now) const {
    auto const early = config_.rules.appointment_early;
    if (!due || queues_[s].ahead_of_new(priority_class::normal, std::nullopt, now, early) == 0) return r;
    auto const until = std::max(duration::zero(), *due - early - now);
    return {std::max(r.low, until), std::max(r.middle, until), std::max(r.high, until)};
}

wait_range centre::estimated_range(service_index s, time_point now) const {
    auto ahead = queues_[s].ahead_of_new(priority_class::normal, std::nullopt, now, config_.rules.appointment_early);
    return estimate(s, priority_class::normal, ahead, now);
}

// Under strict_service_order a counter takes from the first of its lines with anyone waiting:
// it serves the lines up to that one (or up to `s`, the line estimated), the later ones not now.
std::span<service_index const> centre::serves_now(std::size_t counter, service_index s) const {
    std::span<service_index const> served = config_.counters[counter].services;
    if (config_.counters[counter].policy != routing_policy::strict_service_order) return served;
    std::size_t n = 0;
    while (n < served.size() && served[n] != s && queues_[served[n]].empty()) ++n;
    return served.first(std::min(n + 1, served.size()));
}

// The counters' plan (docs/DOMAIN.md#the-counters-plan), its clock times on today's local date.
time_point centre::planned_at(std::chrono::minutes at, time_point now) const {
    auto const offset = config_.rules.utc_offset;
    auto local_midnight = std::chrono::floor<std::chrono::days>(now + offset) - offset;
    return time_point(std::chrono::time_point_cast<duration>(local_midnight) + at);
}

// A paused counter's pause is its planned break when it began between a quarter of an hour
// before the break and the break's end: it is back the break's length after it began.
std::optional<time_point> centre::planned_return(std::size_t counter, time_point now) const {
    if (counters_[counter].status() != counter_status::paused) return std::nullopt;
    auto const since = counters_[counter].since;
    for (auto const& b : config_.counters[counter].breaks) {
        auto from = planned_at(b.at, now);
        if (since >= from - std::chrono::minutes(15) && since < from + b.length) return since + b.length;
    }
    return std::nullopt;
}

// The breaks still ahead of counter `counter` today (one due and not yet taken is taken now),
// as spans after now; of a paused counter, those starting after it is `back`.
void centre::plan_ahead(std::size_t counter, time_point now, time_point back,
                        std::vector<std::pair<duration, duration>>& out) const {
    for (auto const& b : config_.counters[counter].breaks) {
        auto from = planned_at(b.at, now);
        if (from + b.length <= now) continue;  // over
        if (from < back && back > now) continue;  // the pause it is on
        auto start = std::max(from, now);
        out.emplace_back(start - now, start + b.length - now);
    }
}

// The counters serving line `s` work through its tickets ahead and, as they take the best rank
// and the longest wait of all their lines, the other lines' tickets that rank before this one
// (a share of each line: its counters here over all its open counters).
wait_range centre::estimate(service_index s, priority_class cls, std::size_t ahead, time_point now) const {
    return estimate(outlook(s, cls, now), ahead);
}

centre::line_outlook centre::outlook(service_index s, priority_class cls, time_point now) const {
    line_outlook o;
    auto& line = o.line;
    std::vector<std::size_t> here(queues_.size(), 0);  // per line: its open counters among this line's
    for (auto i : counters_serving_[s]) {
        auto status = counters_[i].status();
        if (status == counter_status::closed) continue;
        if (status == counter_status::paused) {
            auto back = planned_return(i, now);
            if (back) line.back_in.push_back(*back - now);
            else line.paused_for.push_back(now - counters_[i].since);
            plan_ahead(i, now, back.value_or(counters_[i].since + expected_pause), line.breaks_ahead);
            continue;
        }
        auto served = serves_now(i, s);
        if (std::find(served.begin(), served.end(), s) == served.end()) continue;  // busy with a line before it
        ++line.open_counters;
        plan_ahead(i, now, now, line.breaks_ahead);
        if (status == counter_status::open) ++line.idle_counters;
        for (auto q : served) ++here[q];
    }
    auto const as = cls == priority_class::normal ? cls : priority_class::priority;  // whom other lines put first
    for (std::size_t q = 0; q < queues_.size(); ++q) {
        if (here[q] == 0) continue;
        std::size_t open = 0;  // line q's open counters, here and elsewhere
        for (auto i : counters_serving_[q]) {
            auto status = counters_[i].status();
            if (status != counter_status::open && status != counter_status::serving) continue;
            auto served = serves_now(i, q);
            open += std::find(served.begin(), served.end(), q) != served.end();
        }
        double const share = static_cast<double>(here[q]) / static_cast<double>(std::max(open, here[q]));
        auto const stay = static_cast<double>(expected_stay(q).count());
        if (cls == priority_class::normal) {
            auto arrived = paces_[q].priority_since(now - priority_window);
            line.priority_load += share * static_cast<double>(arrived) * stay / static_cast<double>(priority_window.count());
        }
        if (q == s) continue;
        auto waiting = queues_[q].ahead_of_new(as, std::nullopt, now, config_.rules.appointment_early);
        o.others.push_back({static_cast<double>(waiting), share, stay});
    }
    o.clock = clock_of(line, paces_[s].ratios);
    o.stay = static_cast<double>(expected_stay(s).count());
    o.size = queues_[s].size();
    // With every counter busy, the ticket also waits for a counter to finish: half a stay, on average.
    o.busy = line.open_counters > 0 && line.idle_counters == 0;
    return o;
}

wait_range centre::estimate(line_outlook const& o, std::size_t ahead) {
    auto line = o.line;
    line.people_ahead = ahead;
    // Of the other lines, the part as old as this ticket's place: all of it for a ticket issued now.
    double const older = o.size > ahead ? static_cast<double>(ahead + 1) / static_cast<double>(o.size) : 1.0;
    double other = 0;
    for (auto const& [waiting, share, stay] : o.others) other += waiting * older * share * stay;
    auto const own = static_cast<double>(ahead) + (o.busy ? 0.5 : 0.0);
    line.work_ahead = duration(static_cast<duration::rep>(own * o.stay + other));
    return estimate_range(line, o.clock);
}

// The paces, from today's tickets in the order their facts happened.
void centre::rebuild_paces() {
    for (auto& pace : paces_) pace = line_pace{};
    std::vector<std::tuple<time_point, int, ticket const*, std::size_t>> facts;  // when, what, whose, which visit
    for (auto const& t : tickets_) {
        if (t.cls == priority_class::priority) facts.emplace_back(t.issued, 0, &t, 0);
        if (t.cls == priority_class::normal) facts.emplace_back(t.issued, 3, &t, 0);
        for (std::size_t v = 0; v < t.visits.size(); ++v) {
            if (v == 0 && t.visits[0].called) facts.emplace_back(*t.visits[0].called, 1, &t, 0);
            if (t.visits[v].called && t.visits[v].ended) facts.emplace_back(*t.visits[v].ended, 2, &t, v);
        }
    }
    std::stable_sort(facts.begin(), facts.end(), [](auto const& a, auto const& b) { return std::get<0>(a) < std::get<0>(b); });
    for (auto const& [at, what, t, v] : facts) {
        auto const& visit = t->visits[v];
        auto& pace = paces_[visit.service];
        if (what == 0) pace.add_priority(at);
        else if (what == 3) pace.add_normal(at);
        else if (what == 1) pace.add_call(at - visit.joined, t->estimated_wait);
        else pace.add_stay(at - *visit.called, visit.started ? at - *visit.started : duration{});
    }
}

}  // namespace novbe::core
