#pragma once
// One run of a day (simulation.hpp), the simulator's own: the clock, the counters' plans, the
// citizens, the engine. simulation.cpp runs it, simulation_bookings.cpp makes and checks in the
// bookings, simulation_figures.cpp counts what the engine's events say.
#include "core/centre.hpp"
#include "figures.hpp"
#include "simulation.hpp"

#include <queue>

namespace novbe::sim::detail {

using core::duration;

enum class kind : std::uint8_t { open, break_start, break_end, close, arrival, at_counter, service_done, no_show, watch, check_in };

struct sim_event {
    duration at{};
    std::uint64_t seq = 0;  // equal times in the order scheduled: the plan first, then arrivals
    kind what = kind::open;
    std::uint32_t who = 0;  // a counter's index, or a citizen's for arrivals and check-ins
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
    bool booked = false;  // an appointment ticket (a checked-in booking) ...
    duration due{};       // ... due at its slot's start
    told_wait told;  // at issue, seconds
};

// Per service: what became of its bookings, and its booked and walk-in visits' waits.
struct booking_tally {
    std::size_t wanted = 0, made = 0, refused = 0, checked_in = 0, lapsed = 0, comebacks = 0, late_walk_ins = 0;
    samples booked, walk_in;
    samples past_slot;  // appointment tickets' first calls: how long after the slot's start (0 if before)
};

class day_run {
public:
    day_run(day const& d, std::vector<citizen> const& citizens, variant const& v, event_sink const& on_events);
    result run();

private:
    template <class D>
    void schedule(D after_opening, kind what, std::uint32_t who) {
        queue_.push({std::chrono::duration_cast<duration>(after_opening), seq_++, what, who});
    }
    void schedule_in(duration from_now, kind what, std::uint32_t who) { schedule(now_ - origin_ + from_now, what, who); }

    bool run(core::command const& cmd);  // false only for an allowed "nothing waiting"
    void apply_all(std::vector<core::event> const& events);
    std::string clerk(std::size_t c) const { return "clerk " + std::to_string(number(c)); }
    core::counter_number number(std::size_t c) const { return day_.centre.counters[c].number; }
    core::ticket_token ticket_token(std::size_t c) const { return {.hi = c + 1ULL, .lo = day_.seed}; }
    core::ticket_token booking_token(std::size_t c) const { return {.hi = c + 1ULL, .lo = ~day_.seed}; }

    void handle(sim_event const& ev);
    void issue(std::size_t c, core::priority_class cls);  // a walk-in ticket for citizen `c`
    bool try_call(std::size_t c);
    void wake(core::service_index s);

    void book_all();                  // simulation_bookings.cpp
    void check_in(std::uint32_t c);
    void lapse_due();

    void record(core::event const& ev);  // simulation_figures.cpp
    result figures();

    day const& day_;
    std::vector<citizen> const& citizens_;
    std::string name_;
    event_sink const& on_events_;
    core::centre centre_;
    core::time_point origin_{}, now_{};
    std::priority_queue<sim_event, std::vector<sim_event>, std::greater<>> queue_;
    std::uint64_t seq_ = 0;
    std::size_t commands_ = 0, issuing_ = 0;  // the citizen whose ticket is being issued
    std::vector<counter_run> runs_;
    std::vector<ticket_run> tickets_;  // by the engine's ordinal
    std::vector<samples> by_service_;
    samples priority_, normal_, appointment_;
    std::vector<booking_tally> bookings_;           // per service
    std::vector<std::vector<std::size_t>> serving_;  // per service: the counters serving it, in the day's order
    std::vector<duration> last_close_;               // per service: when its last counter closes
    std::vector<std::size_t> index_of_;              // counter number -> index
    std::vector<alert_watch> alerts_;                // per service
};

}  // namespace novbe::sim::detail
