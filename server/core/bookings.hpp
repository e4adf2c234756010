#pragma once
// The centre's bookings as a pure state machine beside the centre's queues: decide() reads the
// state and returns events or a refusal, apply() is the only mutation, and replaying the same
// events gives the same state. The centre is read for what sizes slots (counters, measured
// service times); a check-in's ticket is issued by the centre itself (check_in.hpp).
// Not thread-safe: one owner (the server's core strand) calls everything.
#include "booking.hpp"
#include "booking_config.hpp"
#include "command.hpp"
#include "slot_plan.hpp"
#include "token_index.hpp"

#include <map>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

namespace novbe::core {

class centre;  // owns its bookings (centre.hpp), so only named here

// Everything the bookings hold that is not derived: what a snapshot keeps.
struct booking_image {
    std::vector<booking> all;  // by id
    booking_id next_id = 1;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ended;  // per service: checked in, lapsed
    bool operator==(booking_image const&) const = default;
};

struct booking_outcome {
    booking_errc error{};
    std::optional<time_point> until;  // too_early: when the window opens
    std::vector<booking_event> events;  // a refusal may still carry some: a late check-in's lapse
    std::optional<issue_ticket> ticket;  // a check-in's appointment ticket, for the centre to issue
    bool ok() const { return error == booking_errc{}; }
};

class bookings {
public:
    bookings(centre_config const& centre, booking_config config);  // both must pass validate()

    // The centre's services or counters changed at runtime: a new service takes no bookings (its
    // rules come with the file), and the counters serving each are counted again.
    void follow(centre_config const& centre);

    booking_outcome decide(booking_command const& cmd, time_point now, centre const& c) const;
    void apply(booking_event const& ev);
    bool can_apply(booking_event const& ev) const;  // a damaged log is refused, not replayed

    booking_config const& config() const { return config_; }
    // docs/SETUP.md#hours-and-holidays: an admin's calendar, which wins over the file's from then
    // on (the centre's image keeps it).
    void set_calendar(calendar_config cal) {
        config_.calendar = std::move(cal);
        calendar_set_ = true;
    }
    bool calendar_set() const { return calendar_set_; }
    // The active bookings whose slot `cal` would not hold (a day it closes, or outside its hours),
    // in slot order: what an admin cancels or moves before changing the hours.
    std::vector<booking const*> outside(calendar_config const& cal) const;
    std::vector<booking> const& all() const { return all_; }  // by id, those not forgotten
    booking const* find(ticket_token const& token) const;
    booking const* find(booking_id id) const;

    // Whether day `d` is past the last one that may be booked now (today + days_ahead).
    bool too_far_ahead(day_number d, time_point now) const { return d > day_of_slot(now) + config_.days_ahead; }
    // Today's and later days' slots of a service, with how many each holds now.
    std::vector<slot> slots(service_index s, day_number d, centre const& c) const;
    int held(service_index s, time_point slot) const;  // active and checked-in bookings in it
    // The first slot of service `s` a booking made now could take, on the days after today's up to
    // the last bookable one (docs/DOMAIN.md#last-ticket-cut-off); nullopt when the service takes
    // no bookings or none is free.
    std::optional<time_point> first_free_after_today(service_index s, time_point now, centre const& c) const;
    int held_on(service_index s, day_number d) const;
    slot_inputs inputs(service_index s, centre const& c) const;
    int no_show_percent(service_index s) const;  // 0 until no_show_minimum bookings have ended

    // Rebuilds the bookings from their image (every index is derived from it); nullopt if it does
    // not fit the configuration (ids out of order, a token twice, an unknown service).
    booking_image image() const { return {all_, next_id_, ended_}; }
    static std::optional<bookings> from_image(centre_config const& centre, booking_config config,
                                              booking_image image);

    bool operator==(bookings const&) const = default;

private:
    booking_outcome book(book_slot const& cmd, time_point now, centre const& c) const;
    booking_outcome reschedule(reschedule_booking const& cmd, time_point now, centre const& c) const;
    booking_outcome arrive(check_in const& cmd, time_point now) const;
    booking_outcome lapse(time_point now) const;
    booking_outcome forget(forget_ended const& cmd, time_point now) const;
    void forget(day_number before);
    // Whether `moved` (a booking rescheduled, else nothing) may take `slot` of service `s`.
    booking_errc fits(service_index s, time_point slot, time_point now, centre const& c,
                      booking const* moved) const;
    booking const* by_reference(std::string const& reference, time_point now) const;
    day_number day_of_slot(time_point t) const;
    void release(booking const& b);  // its slot, its reference and its lapse timer
    void unhold(booking const& b);   // its slot only
    booking& by_id(booking_id id);   // one that exists (can_apply said so)
    void hold(booking const& b);

    centre_rules rules_;
    std::vector<std::size_t> counters_serving_;  // per service, from the centre's configuration
    booking_config config_;
    bool calendar_set_ = false;
    std::vector<booking> all_;  // by id; forgetting takes ended ones out
    booking_id next_id_ = 1;
    token_index tokens_;
    std::map<std::pair<service_index, time_point>, int> held_;
    std::map<std::pair<service_index, day_number>, int> held_day_;
    // Active bookings by reference_key(reference), service and id. A log written before references
    // were matched so may hold "AB123" and "ab123" both active for one service: both are kept
    // and replay the same (docs/DOMAIN.md#references); only new bookings are refused.
    std::set<std::tuple<std::string, service_index, booking_id>> active_by_reference_;
    bool holds_reference(std::string const& key, service_index s) const;
    std::set<std::pair<time_point, booking_id>> active_by_slot_;  // active only: lapse order
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ended_;  // per service: checked in, lapsed
};

}  // namespace novbe::core
