// What a run's engine events say, counted as the tables' rows (tools/sim/README.md#the-model).
#include "core/centre.hpp"
#include "day_run.hpp"

namespace novbe::sim::detail {
namespace {

double seconds(duration d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

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
        tickets_[issued->ticket] = {.citizen = issuing_, .joined = issued->at - origin_, .service = s, .visits = 1,
                                    .booked = issued->cls == core::priority_class::appointment,
                                    .due = issued->due ? *issued->due - origin_ : duration{},
                                    .told = {.low = seconds(issued->estimated_low), .middle = seconds(issued->estimated_wait),
                                             .high = seconds(issued->estimated_high), .old = seconds(old)}};
    } else if (auto const* called = std::get_if<core::ticket_called>(&ev)) {
        auto& t = tickets_[called->ticket];
        runs_[counter_index(called->counter)].busy_since = called->at - origin_;
        double wait = std::chrono::duration<double>(called->at - origin_ - t.joined).count();
        auto const target = day_.centre.services[t.service].target_wait;
        bool within = called->at - origin_ - t.joined <= target;
        // An appointment waits for its slot by design: its line breaches only once it waits
        // past its slot longer than the target, and the estimate goals are the walk-ins'
        // (the appointment row judges its own: tools/sim/README.md#bookings).
        bool slot_wait = t.booked && t.visits == 1;
        auto const from = slot_wait ? std::max(t.joined, t.due) : t.joined;
        if (called->at - origin_ - from > target) alerts_[t.service].breach(from + target);
        auto& by_class = t.booked ? appointment_ : citizens_[t.citizen].priority ? priority_ : normal_;
        auto& by_booking = t.booked ? bookings_[t.service].booked : bookings_[t.service].walk_in;
        for (auto* s : {&by_service_[t.service], &by_class, &by_booking}) {
            s->add_wait(wait, within);
            if (t.visits == 1 && (!t.booked || s != &by_service_[t.service])) s->add_estimate(wait, t.told);
        }
        if (slot_wait) {
            auto past = std::max(duration{}, called->at - origin_ - t.due);
            bookings_[t.service].past_slot.add_wait(seconds(past), past <= target);
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
        ++(t.booked ? appointment_ : citizens_[t.citizen].priority ? priority_ : normal_).no_shows;
    } else if (auto const* in = std::get_if<core::booking_checked_in>(&ev)) {
        ++bookings_[centre_.appointments().find(in->id)->service].checked_in;  // applied already: still found
    } else if (auto const* lapsed = std::get_if<core::booking_lapsed>(&ev)) {
        ++bookings_[centre_.appointments().find(lapsed->id)->service].lapsed;
    } else if (std::holds_alternative<core::day_closed>(ev)) {
        for (auto const& t : centre_.tickets()) {  // applied already: the unserved are closed now
            if (t.state != core::ticket_state::closed) continue;
            auto const& v = t.current();
            auto from = t.due && t.visits.size() == 1 ? std::max(v.joined, *t.due) : v.joined;
            if (from + day_.centre.services[v.service].target_wait < std::get<core::day_closed>(ev).at)
                alerts_[v.service].breach(from + day_.centre.services[v.service].target_wait - origin_);
            ++by_service_[t.current().service].unserved;
            bool booked = t.cls == core::priority_class::appointment;
            ++(booked ? appointment_ : t.cls == core::priority_class::priority ? priority_ : normal_).unserved;
            ++(booked ? bookings_[v.service].booked : bookings_[v.service].walk_in).unserved;
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
    out.appointment = summarise("appointment", appointment_);
    samples booked, walk_in, past_slot;
    booking_line all_bookings{.name = "all"};
    for (std::size_t s = 0; s < bookings_.size(); ++s) {
        auto& b = bookings_[s];
        booked += b.booked;
        walk_in += b.walk_in;
        past_slot += b.past_slot;
        out.booking_services.push_back(booking_line{
            .name = day_.centre.services[s].id, .wanted = b.wanted, .made = b.made, .refused = b.refused,
            .checked_in = b.checked_in, .lapsed = b.lapsed, .comebacks = b.comebacks, .late_walk_ins = b.late_walk_ins,
            .booked = summarise("booked", b.booked), .walk_in = summarise("walk-in", b.walk_in),
            .past_slot = summarise("past the slot", b.past_slot)});
        all_bookings += out.booking_services.back();
    }
    all_bookings.booked = summarise("booked", booked);
    all_bookings.walk_in = summarise("walk-in", walk_in);
    all_bookings.past_slot = summarise("past the slot", past_slot);
    out.booking_overall = all_bookings;
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

}  // namespace novbe::sim::detail
