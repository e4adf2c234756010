#include "invariants.hpp"

#include <algorithm>
#include <set>

namespace novbe::core::testing {

namespace {

std::string describe(centre const& c, ticket const& t) {
    return c.number_of(t) + " (" + std::string(name(t.state)) + ")";
}

void check_places(centre const& c, std::string& problems) {
    auto const services = c.config().services.size();
    std::vector<std::size_t> waiting(services);
    std::map<ticket_ordinal, counter_number> at_counter;
    for (auto const& counter : c.counters()) {
        if ((counter.paused || counter.current) && !counter.open)
            problems += "counter " + std::to_string(counter.number) + " is closed but busy or paused\n";
        if (counter.current && counter.paused) problems += "counter " + std::to_string(counter.number) + " paused with a ticket\n";
        if (counter.current && !at_counter.emplace(*counter.current, counter.number).second)
            problems += "two counters hold ticket " + std::to_string(*counter.current) + "\n";
    }
    for (auto const& t : c.tickets()) {
        auto const& v = t.current();
        bool queued = c.queue(v.service).contains(t);
        bool waits = t.state == ticket_state::waiting;
        if (waits) ++waiting[v.service];
        if (queued != waits) problems += describe(c, t) + (waits ? " is not in its line\n" : " is still in a line\n");
        bool held = t.state == ticket_state::called || t.state == ticket_state::serving;
        auto it = at_counter.find(t.ordinal);
        if (held != (it != at_counter.end())) problems += describe(c, t) + " is held by the wrong number of counters\n";
        if (held && it != at_counter.end() && it->second != v.counter) problems += describe(c, t) + " is at another counter\n";
        if (t.visits.empty()) problems += describe(c, t) + " has no visit\n";
    }
    for (std::size_t s = 0; s < services; ++s)
        if (c.queue(static_cast<service_index>(s)).size() != waiting[s])
            problems += "line " + c.config().services[s].id + " holds tickets that are not waiting in it\n";
}

void check_numbers(centre const& c, std::string& problems) {
    std::set<std::pair<service_index, std::uint32_t>> seen;
    std::vector<std::uint32_t> highest(c.config().services.size());
    for (auto const& t : c.tickets()) {
        if (!seen.insert({t.issued_for, t.sequence}).second) problems += c.number_of(t) + " was issued twice\n";
        highest[t.issued_for] = std::max(highest[t.issued_for], t.sequence);
        auto const* found = c.find_ticket(c.number_of(t));
        if (found != &t) problems += c.number_of(t) + " is not found by its number\n";
        if (c.find_ticket(t.token) != &t) problems += c.number_of(t) + " is not found by its token\n";
    }
    for (std::size_t s = 0; s < highest.size(); ++s) {
        auto issued = std::count_if(c.tickets().begin(), c.tickets().end(), [&](auto const& t) { return t.issued_for == s; });
        if (static_cast<std::uint32_t>(issued) != highest[s]) problems += "service " + std::to_string(s) + " skipped a number\n";
    }
    if (c.recent_calls().size() > c.config().rules.recent_calls) problems += "the board remembers too many calls\n";
}

// docs/SETUP.md#services-and-counters-at-runtime: nobody waits in a retired service's line, no
// working counter serves one, a retired counter is closed, and the engine's counter caches
// (counters by number, counters serving each service) agree with a scan of the set-up.
void check_set_up(centre const& c, std::string& problems) {
    auto const& config = c.config();
    if (c.counters().size() != config.counters.size()) problems += "counter states and set-up differ in number\n";
    for (std::size_t s = 0; s < config.services.size(); ++s) {
        auto index = static_cast<service_index>(s);
        if (config.services[s].retired && !c.queue(index).empty())
            problems += "someone waits in retired service " + config.services[s].id + "\n";
        std::size_t open = 0;
        for (std::size_t k = 0; k < config.counters.size(); ++k) {
            auto const& counter = config.counters[k];
            bool serves = std::find(counter.services.begin(), counter.services.end(), index) != counter.services.end();
            if (serves && config.services[s].retired && !counter.retired)
                problems += "counter " + std::to_string(counter.number) + " serves retired " + config.services[s].id + "\n";
            auto status = c.counters()[k].status();
            if (serves && !counter.retired && (status == counter_status::open || status == counter_status::serving)) ++open;
        }
        if (open != c.open_counters(index)) problems += "the counters serving " + config.services[s].id + " are out of date\n";
    }
    for (std::size_t k = 0; k < config.counters.size(); ++k) {
        auto const& counter = config.counters[k];
        if (c.find_counter(counter.number) != &c.counters()[k])
            problems += "counter " + std::to_string(counter.number) + " is not found by its number\n";
        if (counter.retired && c.counters()[k].open) problems += "retired counter " + std::to_string(counter.number) + " is open\n";
    }
}

// Idle and paused time are counters' and clerks' time, not the tickets': a recount cannot see
// them, nor a counter or clerk that only paused or sat idle.
day_statistics without_counter_time(day_statistics s) {
    auto strip = [](figures& f) {
        f.idle_waiting = {};
        f.pause_by_reason.clear();
    };
    for (auto& f : s.by_service) strip(f);
    for (auto& [number, f] : s.by_counter) strip(f);
    for (auto& [clerk, f] : s.by_clerk) strip(f);
    std::erase_if(s.by_counter, [](auto const& entry) { return entry.second == figures{}; });
    std::erase_if(s.by_clerk, [](auto const& entry) { return entry.second == figures{}; });
    return s;
}

}  // namespace

// The ticket at a counter is credited to the user the counter belongs to now.
static void check_owners(centre const& c, std::string& problems) {
    for (auto const& counter : c.counters()) {
        if (!counter.open && !counter.clerk.empty()) problems += "closed counter " + std::to_string(counter.number) + " has a clerk\n";
        if (counter.current && c.tickets()[*counter.current].current().credited() != counter.clerk)
            problems += "the ticket at counter " + std::to_string(counter.number) + " is credited to someone else\n";
    }
}

// docs/SETUP.md: one user per name, one device not revoked per name, one device per token, every
// rating pad at a counter that exists.
static void check_roster(centre const& c, std::string& problems) {
    auto const& r = c.roster();
    std::set<std::string> users, devices, tokens;
    for (auto const& u : r.users)
        if (!users.insert(u.name).second) problems += "two users are called " + u.name + "\n";
    for (auto const& d : r.devices) {
        if (!d.revoked && !devices.insert(d.name).second) problems += "two devices are called " + d.name + "\n";
        if (!tokens.insert(d.token_hash).second) problems += "two devices share a token\n";
        if (d.kind == device_kind::rating_pad && !c.find_counter(d.stands_at)) problems += "a pad stands at no counter\n";
    }
}

std::string check_invariants(centre const& c) {
    std::string problems;
    check_roster(c, problems);
    check_owners(c, problems);
    check_places(c, problems);
    check_numbers(c, problems);
    check_set_up(c, problems);
    if (!(recount(c) == without_counter_time(c.statistics()))) problems += "the figures differ from a recount of the tickets\n";
    return problems;
}

day_statistics recount(centre const& c) {
    day_statistics stats{.by_service = std::vector<figures>(c.config().services.size())};
    // The call is the caller's; how the stay ended (and its rating) is credited() to whoever
    // had the counter then, the taker after a takeover.
    auto each = [&](visit const& v, auto&& f, std::string const& clerk) {
        f(stats.by_service[v.service]);
        if (v.counter != 0) f(stats.by_counter[v.counter]);
        if (!clerk.empty()) f(stats.by_clerk[clerk]);
    };
    for (auto const& t : c.tickets()) {
        ++stats.by_service[t.issued_for].issued;
        for (std::size_t i = 0; i < t.visits.size(); ++i) {
            auto const& v = t.visits[i];
            if (i > 0) ++stats.by_service[v.service].transferred_in;
            if (!v.called && v.end == visit_end::transferred) ++stats.by_service[v.service].transferred_out;  // a move
            if (!v.called) continue;
            auto wait = *v.called - v.joined;
            each(v, [&](figures& f) {
                ++f.called;
                f.wait_sum += wait;
                f.wait_max = std::max(f.wait_max, wait);
                if (wait <= c.config().services[v.service].target_wait) ++f.within_target;
            }, v.clerk);
            if (v.started) each(v, [&](figures& f) { ++f.walks, f.walk_sum += *v.started - *v.called; }, v.clerk);
            if (v.end != visit_end::open) each(v, [&](figures& f) {  // only then is there a figure to credit
                if (v.end == visit_end::done) ++f.served, f.service_sum += *v.ended - *v.started;
                if (v.end == visit_end::no_show) ++f.no_shows;
                if (v.end == visit_end::transferred) ++f.transferred_out;
            }, v.credited());
            if (i == 0) {
                auto& f = stats.by_service[v.service];
                ++f.estimates;
                f.estimate_error_sum += wait > t.estimated_wait ? wait - t.estimated_wait : t.estimated_wait - wait;
            }
        }
        if (t.state == ticket_state::cancelled) ++stats.by_service[t.current().service].cancelled;
        if (t.state == ticket_state::closed) ++stats.by_service[t.current().service].closed_unserved;
        if (t.rating != 0) each(t.current(), [&](figures& f) { ++f.ratings, ++f.rating_counts[t.rating - 1]; }, t.current().credited());
    }
    return stats;
}

std::string check_transitions(std::vector<ticket_state> const& before, centre const& c) {
    using s = ticket_state;
    static std::set<std::pair<s, s>> const allowed{
        {s::waiting, s::called},  {s::waiting, s::cancelled}, {s::waiting, s::closed},
        {s::called, s::serving},  {s::called, s::no_show},    {s::serving, s::done},
        {s::serving, s::waiting}, {s::called, s::waiting},  // transfers
    };
    std::string problems;
    for (auto const& t : c.tickets()) {
        if (t.ordinal >= before.size()) {
            if (t.state != s::waiting) problems += describe(c, t) + " was born in the wrong state\n";
        } else if (auto was = before[t.ordinal]; was != t.state && !allowed.contains({was, t.state})) {
            problems += describe(c, t) + " came from " + std::string(name(was)) + "\n";
        }
    }
    return problems;
}

}  // namespace novbe::core::testing
