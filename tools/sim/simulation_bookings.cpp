// The day's bookings through the engine's own booking commands (docs/DOMAIN.md#appointments):
// made before the day opens into the engine's slots, checked in at the kiosk by their citizens
// (too early: told when to come back; too late: lapsed, a walk-in ticket), lapsed by the clock.
#include "core/check_in.hpp"
#include "day_run.hpp"

#include <stdexcept>

namespace novbe::sim::detail {

// Each booking's citizen asks for the slot holding the time they want, or the first later one
// with room before the service's last counter closes; none: refused (counted). Slots are read
// once, before any booking: nothing else changes them before the day opens (the measured
// service time and no-show rate start from nothing, so there is no overbooking yet).
void day_run::book_all() {
    auto const today = core::day_of(now_, centre_.config().rules.utc_offset, centre_.config().rules.day_start);
    std::vector<std::vector<core::slot>> slots(day_.services.size());
    for (core::service_index s = 0; s < slots.size(); ++s)
        if (day_.services[s].booked.bookings > 0) slots[s] = centre_.appointments().slots(s, today, centre_);
    for (std::uint32_t c = 0; c < citizens_.size(); ++c) {
        auto const& who = citizens_[c];
        if (!who.booked()) continue;
        auto& tally = bookings_[who.service];
        ++tally.wanted;
        auto const wants = origin_ + who.at;
        auto const until = origin_ + last_close_[who.service];
        std::optional<core::time_point> booked;
        for (auto const& slot : slots[who.service]) {
            if (slot.end <= wants || slot.end > until) continue;  // before the wanted time, or after closing
            if (centre_.appointments().held(who.service, slot.start) >= slot.limit()) continue;
            auto out = centre_.appointments().decide(core::book_slot{.service = who.service, .slot = slot.start,
                                                                     .reference = "sim-" + std::to_string(c), .portal = "sim",
                                                                     .token = booking_token(c)},
                                                     now_, centre_);
            ++commands_;
            if (out.error == core::booking_errc::slot_full) continue;
            if (!out.ok()) throw std::logic_error(name_ + ": the engine refused a booking: " + std::string(core::name(out.error)));
            std::vector<core::event> events;
            for (auto const& e : out.events) events.push_back(core::as_event(e));
            apply_all(events);
            booked = slot.start;
            break;
        }
        if (!booked) {
            ++tally.refused;
            continue;
        }
        ++tally.made;
        if (who.comes == arrival::never) continue;
        schedule(std::max(duration{}, *booked - origin_ + who.offset), kind::check_in, c);  // the doors open at opening
    }
}

// At the kiosk with the booking's QR code (docs/DOMAIN.md#check-in), one step over the bookings
// and the centre as the server's CheckIn.
void day_run::check_in(std::uint32_t c) {
    auto const& who = citizens_[c];
    auto out = core::decide_check_in(centre_.appointments(), centre_,
                                     core::check_in{.token = booking_token(c), .language = "en", .ticket = ticket_token(c)}, now_);
    ++commands_;
    auto& tally = bookings_[who.service];
    auto write = [&] {
        std::vector<core::event> events;
        for (auto const& e : out.booking.events) events.push_back(core::as_event(e));
        apply_all(events);
    };
    if (out.booking.ok()) {
        if (!out.ticket.ok()) throw std::logic_error(name_ + ": the engine refused an appointment ticket: " + std::string(core::name(out.ticket.error())));
        write();  // the booking's event, then its ticket's (check_in.hpp)
        issuing_ = c;
        apply_all(out.ticket.events());
        wake(who.service);
        return;
    }
    auto const e = out.booking.error;
    if (e == core::booking_errc::too_early) {  // "come back at HH:MM": they do, at that minute
        ++tally.comebacks;
        schedule(*out.booking.until - origin_, kind::check_in, c);
        return;
    }
    // After the window: lapsed now (the refusal writes it), or by the clock's lapse already.
    if (e != core::booking_errc::booking_lapsed && e != core::booking_errc::booking_not_active)
        throw std::logic_error(name_ + ": the engine refused a check-in: " + std::string(core::name(e)));
    write();
    if (!day_.services[who.service].booked.late_walk_in) return;
    ++tally.late_walk_ins;
    issue(c, core::priority_class::normal);
}

// The clock's part of the server's tick for bookings: those whose window has ended lapse.
void day_run::lapse_due() {
    auto out = centre_.appointments().decide(core::lapse_due{}, now_, centre_);
    ++commands_;
    if (out.events.empty()) return;
    std::vector<core::event> events;
    for (auto const& e : out.events) events.push_back(core::as_event(e));
    apply_all(events);
}

}  // namespace novbe::sim::detail
