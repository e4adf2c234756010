#pragma once
// The centre's queues as a pure state machine. Time is an argument; nothing here does I/O.
// decide() reads the state and returns events or a refusal; apply() is the only mutation.
// Replaying the same events into a centre with the same configuration gives the same state.
// Not thread-safe: one owner (the server's core strand) calls everything.
#include "bookings.hpp"
#include "command.hpp"
#include "config.hpp"
#include "counter_state.hpp"
#include "event.hpp"
#include "outcome.hpp"
#include "service_queue.hpp"
#include "statistics.hpp"
#include "ticket.hpp"
#include "token_index.hpp"
#include "wait_estimate.hpp"

#include <array>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace novbe::core {

// One call as the hall sees it: a number and a counter, nothing personal.
struct call_record {
    std::string number;
    service_index service = 0;
    counter_number counter = 0;
    time_point at{};
    bool recall = false;
    bool operator==(call_record const&) const = default;
};

// Everything a centre holds that is not derived from something else: what a snapshot keeps.
struct centre_image {
    day_number day = no_day;
    bool closed = false;  // the day has been closed (day_closed): no tickets until the next
    std::vector<ticket> tickets;
    std::vector<counter_state> counters;
    day_statistics statistics;
    std::vector<std::vector<duration>> service_times;  // per service, oldest first
    std::deque<call_record> recent_calls;
    std::string hall_message;  // kept across days until a manager clears it
    core::roster roster;       // users and devices: docs/SETUP.md
    booking_image bookings;    // empty ended counts: none yet (a snapshot from before bookings)
    std::vector<line_alert> alerts;  // per service; empty: none (a snapshot from before alerts)
    // The services and counters as set up at runtime (docs/SETUP.md#services-and-counters-at-runtime);
    // both empty in a snapshot from before they were kept: the configuration's then.
    std::vector<service_config> services;
    std::vector<counter_config> counters_set_up;
    // The calendar an admin set (docs/SETUP.md#hours-and-holidays); none: the file's is in use.
    std::optional<calendar_config> calendar;
};

class centre {
public:
    // The configuration must pass validate(), the bookings' validate() against it; without
    // bookings' rules no service takes bookings (booking_config::none).
    explicit centre(centre_config config, std::optional<booking_config> booking = std::nullopt);

    outcome decide(command const& cmd, time_point now) const;
    void apply(event const& ev);
    // Whether `ev` fits the current state (its ticket, counter and service exist and are where
    // it says), so that replaying a damaged log is refused rather than corrupting memory.
    bool can_apply(event const& ev) const;

    centre_config const& config() const { return config_; }
    day_number day() const { return day_; }
    bool closed() const { return closed_; }  // today has had its day_closed

    std::vector<ticket> const& tickets() const { return tickets_; }
    ticket const* find_ticket(std::string_view number) const;  // "A012", today
    ticket const* find_ticket(ticket_token const& token) const;
    std::string number_of(ticket const& t) const;

    std::vector<counter_state> const& counters() const { return counters_; }
    counter_state const* find_counter(counter_number number) const;

    service_queue const& queue(service_index s) const { return queues_[s]; }
    std::size_t open_counters(service_index s) const;  // open or serving, not paused
    duration expected_service(service_index s) const { return service_times_[s].expected(); }
    std::size_t people_ahead(ticket const& t, time_point now) const;
    duration estimated_wait(ticket const& t, time_point now) const;
    duration estimated_wait(service_index s, time_point now) const;  // for a normal ticket taken now
    // The range told (docs/DOMAIN.md#estimates): for a ticket of class `cls` with `ahead` people
    // before it in line `s`; for a waiting ticket; for a normal ticket taken now.
    wait_range estimate(service_index s, priority_class cls, std::size_t ahead, time_point now) const;
    // `r`, for an appointment of line `s` due at `due`, no shorter than the time until it counts as
    // due while anyone else waits in the line.
    wait_range not_before_due(wait_range r, service_index s, std::optional<time_point> due, time_point now) const;
    // What an estimate of line `s` for class `cls` reads that is the same for every place in the
    // line at `now`, read once so that the forecast can estimate each waiting ticket cheaply:
    // estimate(outlook(s, cls, now), ahead) == estimate(s, cls, ahead, now).
    struct line_outlook {
        line_now line;  // its people_ahead and work_ahead are each estimate's own
        line_clock clock;
        std::vector<std::array<double, 3>> others;  // per other line: its tickets ranked first, share, stay
        double stay = 0;  // a stay of this line, ms
        std::size_t size = 0;  // the line's tickets
        bool busy = false;     // every counter serving it is busy
    };
    line_outlook outlook(service_index s, priority_class cls, time_point now) const;
    static wait_range estimate(line_outlook const& o, std::size_t ahead);
    wait_range estimated_range(ticket const& t, time_point now) const;
    wait_range estimated_range(service_index s, time_point now) const;
    line_pace const& pace(service_index s) const { return paces_[s]; }

    day_statistics const& statistics() const { return statistics_; }
    std::deque<call_record> const& recent_calls() const { return recent_calls_; }
    std::string const& hall_message() const { return hall_message_; }
    std::vector<line_alert> const& alerts() const { return alerts_; }  // per service (docs/DOMAIN.md#alerts-before-a-breach)
    core::roster const& roster() const { return roster_; }  // kept across days
    // Its bookings, logged as its events (docs/DOMAIN.md#appointments): decide with
    // appointments().decide(cmd, now, centre) or decide_check_in (check_in.hpp), apply here.
    bookings const& appointments() const { return bookings_; }

    centre_image image() const;
    // Rebuilds a centre from an image (queues, indexes); nullopt if it does not fit the config.
    static std::optional<centre> from_image(centre_config config, centre_image image,
                                            std::optional<booking_config> booking = std::nullopt);

    bool operator==(centre const&) const = default;

private:
    friend class decider;
    friend class applier;
    friend class event_checker;

    counter_state* counter_at(counter_number number);
    std::size_t counter_index(counter_number number) const;  // counters_.size() when unknown
    duration expected_stay(service_index s) const { return core::expected_stay(expected_service(s), paces_[s].overheads); }
    std::span<service_index const> serves_now(std::size_t counter, service_index s) const;
    time_point planned_at(std::chrono::minutes at, time_point now) const;
    std::optional<time_point> planned_return(std::size_t counter, time_point now) const;
    void plan_ahead(std::size_t counter, time_point now, time_point back,
                    std::vector<std::pair<duration, duration>>& out) const;
    void rebuild_paces();  // from today's tickets, after a snapshot is read
    // The set-up at runtime (setup.cpp): a service by id, a counter by number, changed or added
    // after the last, with every per-service vector and counter cache following.
    void set_service(service_config const& s);
    void set_counter(counter_config const& c);
    void derive_counters();  // counter_by_number_, counters_serving_ from config_.counters

    centre_config config_;
    day_number day_ = no_day;
    bool closed_ = false;
    std::vector<ticket> tickets_;  // today's, by ordinal
    token_index tokens_;
    std::vector<std::vector<ticket_ordinal>> numbers_;  // per service: sequence - 1 -> ordinal
    std::vector<service_queue> queues_;
    std::vector<service_times> service_times_;
    std::vector<line_pace> paces_;  // per service, derived from today's tickets
    std::vector<counter_state> counters_;  // parallel to config_.counters
    // Derived from the set-up, again after each change of it (derive_counters), so that a centre
    // of hundreds of counters does not scan them all on every command: (number, index) sorted
    // by number; per service, the indexes of the counters that serve it.
    std::vector<std::pair<counter_number, std::size_t>> counter_by_number_;
    std::vector<std::vector<std::size_t>> counters_serving_;
    day_statistics statistics_;
    std::deque<call_record> recent_calls_;  // newest first
    std::string hall_message_;
    std::vector<line_alert> alerts_;  // per service
    core::roster roster_;
    bookings bookings_;  // last: built from config_
};

}  // namespace novbe::core
