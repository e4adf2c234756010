#include "bookings.hpp"

#include <algorithm>
#include <cstdlib>

namespace novbe::core {

namespace {

bool printable(std::string const& s, std::size_t max) {
    return s.size() <= max && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= 0x20 && ch < 0x7f; });
}

bool phone_like(std::string const& s) {
    return s.size() <= max_booking_phone && std::all_of(s.begin(), s.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || ch == '+' || ch == ' ' || ch == '-';
    });
}

booking_outcome refused(booking_errc e, std::optional<time_point> until = std::nullopt) {
    return booking_outcome{e, until, {}, std::nullopt};
}

booking_outcome events(std::vector<booking_event> evs) {
    return booking_outcome{booking_errc{}, std::nullopt, std::move(evs), std::nullopt};
}

}  // namespace

bookings::bookings(centre_config const& centre, booking_config config)
    : rules_(centre.rules), counters_serving_(centre.services.size(), 0), config_(std::move(config)),
      ended_(centre.services.size()) {
    for (auto const& counter : centre.counters)
        for (auto s : counter.services)
            if (s < counters_serving_.size()) ++counters_serving_[s];
}

booking_outcome bookings::decide(booking_command const& cmd, time_point now, centre const& c) const {
    return std::visit([&](auto const& m) -> booking_outcome {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, book_slot>) return book(m, now, c);
        else if constexpr (std::is_same_v<T, reschedule_booking>) return reschedule(m, now, c);
        else if constexpr (std::is_same_v<T, check_in>) return arrive(m, now);
        else if constexpr (std::is_same_v<T, lapse_due>) return lapse(now);
        else {
            auto const* b = find(m.token);
            if (!b) return refused(booking_errc::unknown_booking);
            if (b->state != booking_state::active) return refused(booking_errc::booking_not_active);
            return events({booking_cancelled{b->id, now}});
        }
    }, cmd);
}

booking_outcome bookings::book(book_slot const& cmd, time_point now, centre const& c) const {
    if (cmd.reference.empty() || !printable(cmd.reference, max_booking_reference) || !phone_like(cmd.phone) ||
        !printable(cmd.portal, max_portal_name) || cmd.token.empty())
        return refused(booking_errc::invalid_argument);
    if (tokens_.contains(cmd.token)) return refused(booking_errc::duplicate_token);
    if (cmd.service >= config_.services.size()) return refused(booking_errc::unknown_service);
    if (auto e = fits(cmd.service, cmd.slot, now, c, nullptr); e != booking_errc{}) return refused(e);
    if (active_by_reference_.contains({cmd.reference, cmd.service})) return refused(booking_errc::already_booked);
    auto id = static_cast<booking_id>(all_.size() + 1);
    return events({booking_made{id, cmd.service, cmd.slot, cmd.reference, cmd.phone, cmd.portal, cmd.token, now}});
}

booking_outcome bookings::reschedule(reschedule_booking const& cmd, time_point now, centre const& c) const {
    auto const* b = find(cmd.token);
    if (!b) return refused(booking_errc::unknown_booking);
    if (b->state != booking_state::active) return refused(booking_errc::booking_not_active);
    if (cmd.slot == b->slot) return events({});  // already there: nothing to log
    if (auto e = fits(b->service, cmd.slot, now, c, b); e != booking_errc{}) return refused(e);
    return events({booking_rescheduled{b->id, cmd.slot, now}});
}

booking_errc bookings::fits(service_index s, time_point slot_start, time_point now, centre const& c,
                            booking const* moved) const {
    if (!config_.services[s].bookable) return booking_errc::not_bookable;
    if (slot_start < now) return booking_errc::slot_in_past;
    auto const d = day_of_slot(slot_start);
    if (d > day_of_slot(now) + config_.days_ahead) return booking_errc::too_far_ahead;
    if (!hours_on(config_.calendar, d)) return booking_errc::day_closed;
    auto const plan = slots(s, d, c);
    auto it = std::find_if(plan.begin(), plan.end(), [&](slot const& x) { return x.start == slot_start; });
    if (it == plan.end()) return booking_errc::no_such_slot;
    bool same_day = moved && day_of_slot(moved->slot) == d;
    auto const cap = config_.services[s].daily_cap;
    if (cap > 0 && held_on(s, d) - (same_day ? 1 : 0) >= cap) return booking_errc::day_full;
    if (held(s, slot_start) >= it->limit()) return booking_errc::slot_full;
    return booking_errc{};
}

booking_outcome bookings::arrive(check_in const& cmd, time_point now) const {
    auto const* b = cmd.token ? find(*cmd.token) : by_reference(cmd.reference, now);
    if (!b) return refused(booking_errc::unknown_booking);
    if (b->state != booking_state::active) return refused(booking_errc::booking_not_active);
    if (now < b->slot - config_.window_before) return refused(booking_errc::too_early, b->slot - config_.window_before);
    if (now > b->slot + config_.window_after)
        return booking_outcome{booking_errc::booking_lapsed, std::nullopt, {booking_lapsed{b->id, now}}, std::nullopt};
    auto out = events({booking_checked_in{b->id, cmd.ticket, now}});
    out.ticket = issue_ticket{b->service, priority_class::appointment, cmd.language, cmd.ticket, b->slot};
    return out;
}

booking_outcome bookings::lapse(time_point now) const {
    std::vector<booking_event> out;
    for (auto const& [slot_start, id] : active_by_slot_) {
        if (slot_start + config_.window_after >= now) break;
        out.emplace_back(booking_lapsed{id, now});
    }
    return events(std::move(out));
}

booking const* bookings::by_reference(std::string const& reference, time_point now) const {
    booking const* best = nullptr;
    for (auto it = active_by_reference_.lower_bound({reference, 0});
         it != active_by_reference_.end() && it->first.first == reference; ++it) {
        auto const* b = find(it->second);
        auto distance = [now](booking const* x) { return x->slot > now ? x->slot - now : now - x->slot; };
        if (!best || distance(b) < distance(best)) best = b;
    }
    return best;
}

void bookings::apply(booking_event const& ev) {
    std::visit([&](auto const& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, booking_made>) {
            all_.push_back(booking{e.id, e.service, e.slot, e.reference, e.phone, e.portal, e.token, e.at,
                                   booking_state::active, std::nullopt});
            tokens_.insert(e.token, e.id);
            hold(all_.back());
        } else {
            auto& b = all_[e.id - 1];
            release(b);
            if constexpr (std::is_same_v<T, booking_rescheduled>) {
                b.slot = e.slot;
                hold(b);
            } else {
                b.ended = e.at;
                if constexpr (std::is_same_v<T, booking_cancelled>) b.state = booking_state::cancelled;
                if constexpr (std::is_same_v<T, booking_lapsed>) {
                    b.state = booking_state::lapsed;
                    ++ended_[b.service].second;
                }
                if constexpr (std::is_same_v<T, booking_checked_in>) {
                    b.state = booking_state::checked_in;
                    ++ended_[b.service].first;
                    ++held_[{b.service, b.slot}];  // a checked-in booking keeps its place in the slot
                    ++held_day_[{b.service, day_of_slot(b.slot)}];
                }
            }
        }
    }, ev);
}

bool bookings::can_apply(booking_event const& ev) const {
    return std::visit([&](auto const& e) {
        if constexpr (std::is_same_v<std::decay_t<decltype(e)>, booking_made>)
            return e.id == all_.size() + 1 && e.service < config_.services.size() && !tokens_.contains(e.token);
        else
            return e.id >= 1 && e.id <= all_.size() && all_[e.id - 1].state == booking_state::active;
    }, ev);
}

void bookings::hold(booking const& b) {
    ++held_[{b.service, b.slot}];
    ++held_day_[{b.service, day_of_slot(b.slot)}];
    active_by_reference_[{b.reference, b.service}] = b.id;
    active_by_slot_.insert({b.slot, b.id});
}

void bookings::release(booking const& b) {
    auto drop = [](auto& map, auto const& key) {
        if (auto it = map.find(key); it != map.end() && --it->second == 0) map.erase(it);
    };
    drop(held_, std::pair{b.service, b.slot});
    drop(held_day_, std::pair{b.service, day_of_slot(b.slot)});
    active_by_reference_.erase({b.reference, b.service});
    active_by_slot_.erase({b.slot, b.id});
}

std::optional<bookings> bookings::from_image(centre_config const& centre, booking_config config,
                                             std::vector<booking> all) {
    bookings out(centre, std::move(config));
    for (auto& b : all) {
        if (b.id != out.all_.size() + 1 || b.service >= out.config_.services.size() || b.token.empty() ||
            !out.tokens_.insert(b.token, b.id))
            return std::nullopt;
        out.all_.push_back(std::move(b));
        auto const& x = out.all_.back();
        switch (x.state) {
        case booking_state::active:
            if (out.active_by_reference_.contains({x.reference, x.service})) return std::nullopt;  // two at once
            out.hold(x);
            break;
        case booking_state::checked_in:
            ++out.ended_[x.service].first;
            ++out.held_[{x.service, x.slot}];
            ++out.held_day_[{x.service, out.day_of_slot(x.slot)}];
            break;
        case booking_state::lapsed: ++out.ended_[x.service].second; break;
        case booking_state::cancelled: break;
        }
    }
    return out;
}

booking const* bookings::find(ticket_token const& token) const {
    auto id = tokens_.find(token);
    return id ? find(*id) : nullptr;
}

booking const* bookings::find(booking_id id) const {
    return id >= 1 && id <= all_.size() ? &all_[id - 1] : nullptr;
}

std::vector<slot> bookings::slots(service_index s, day_number d, centre const& c) const {
    if (s >= config_.services.size()) return {};
    return plan_slots(config_.services[s], rules_, hours_on(config_.calendar, d), d, inputs(s, c));
}

int bookings::held(service_index s, time_point slot_start) const {
    auto it = held_.find({s, slot_start});
    return it == held_.end() ? 0 : it->second;
}

int bookings::held_on(service_index s, day_number d) const {
    auto it = held_day_.find({s, d});
    return it == held_day_.end() ? 0 : it->second;
}

slot_inputs bookings::inputs(service_index s, centre const& c) const {
    auto const& rules = config_.services[s];
    return slot_inputs{rules.planned_counters.value_or(counters_serving_[s]), c.expected_service(s),
                       no_show_percent(s)};
}

int bookings::no_show_percent(service_index s) const {
    auto [arrived, lapsed] = ended_[s];
    if (arrived + lapsed < config_.no_show_minimum || arrived + lapsed == 0) return 0;
    return static_cast<int>(std::uint64_t{lapsed} * 100 / (arrived + lapsed));
}

day_number bookings::day_of_slot(time_point t) const { return day_of(t, rules_.utc_offset, rules_.day_start); }

}  // namespace novbe::core
