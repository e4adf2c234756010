#include "bookings.hpp"

#include "centre.hpp"

#include <algorithm>
#include <cstdlib>

namespace novbe::core {

namespace {

bool printable(std::string const& s, std::size_t max) {
    return s.size() <= max && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= 0x20 && ch < 0x7f; });
}

// A reference is one citizen's: "R" and " R" would be two, and "   " nobody's.
bool spaced(std::string const& s) { return s.empty() || s.front() == ' ' || s.back() == ' '; }

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
    : rules_(centre.rules), config_(std::move(config)) {
    follow(centre);
}

void bookings::follow(centre_config const& centre) {
    auto const services = centre.services.size();
    config_.services.resize(services, booking_service_rules{.bookable = false});
    ended_.resize(services);
    counters_serving_.assign(services, 0);
    for (auto const& counter : centre.counters)
        if (!counter.retired)
            for (auto s : counter.services)
                if (s < services) ++counters_serving_[s];
}

booking_outcome bookings::decide(booking_command const& cmd, time_point now, centre const& c) const {
    return std::visit([&](auto const& m) -> booking_outcome {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, book_slot>) return book(m, now, c);
        else if constexpr (std::is_same_v<T, reschedule_booking>) return reschedule(m, now, c);
        else if constexpr (std::is_same_v<T, check_in>) return arrive(m, now);
        else if constexpr (std::is_same_v<T, lapse_due>) return lapse(now);
        else if constexpr (std::is_same_v<T, forget_ended>) return forget(m, now);
        else {
            auto const* b = find(m.token);
            if (!b) return refused(booking_errc::unknown_booking);
            if (b->state != booking_state::active) return refused(booking_errc::booking_not_active);
            return events({booking_cancelled{b->id, now}});
        }
    }, cmd);
}

booking_outcome bookings::book(book_slot const& cmd, time_point now, centre const& c) const {
    if (spaced(cmd.reference) || !printable(cmd.reference, max_booking_reference) || !phone_like(cmd.phone) ||
        !printable(cmd.portal, max_booking_author) || cmd.token.empty())
        return refused(booking_errc::invalid_argument);
    if (tokens_.contains(cmd.token)) return refused(booking_errc::duplicate_token);
    if (cmd.service >= config_.services.size()) return refused(booking_errc::unknown_service);
    if (auto e = fits(cmd.service, cmd.slot, now, c, nullptr); e != booking_errc{}) return refused(e);
    if (holds_reference(reference_key(cmd.reference), cmd.service)) return refused(booking_errc::already_booked);
    return events({booking_made{next_id_, cmd.service, cmd.slot, cmd.reference, cmd.phone, cmd.portal, cmd.token, now}});
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
    if (s >= config_.services.size()) return booking_errc::unknown_service;  // before reading its rules
    if (!config_.services[s].bookable) return booking_errc::not_bookable;
    if (slot_start < now) return booking_errc::slot_in_past;
    auto const d = day_of_slot(slot_start);
    if (too_far_ahead(d, now)) return booking_errc::too_far_ahead;
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

booking_outcome bookings::forget(forget_ended const& cmd, time_point now) const {
    if (cmd.keep_days < 0 || cmd.keep_days > 100 * 366) return refused(booking_errc::invalid_argument);
    auto before = day_of_slot(now) - cmd.keep_days;
    bool any = std::any_of(all_.begin(), all_.end(), [&](booking const& x) {
        return x.state != booking_state::active && day_of_slot(x.slot) < before;
    });
    if (!any) return events({});
    return events({bookings_forgotten{before, now}});
}

bool bookings::holds_reference(std::string const& key, service_index s) const {
    auto it = active_by_reference_.lower_bound({key, s, 0});
    return it != active_by_reference_.end() && std::get<0>(*it) == key && std::get<1>(*it) == s;
}

booking const* bookings::by_reference(std::string const& reference, time_point now) const {
    booking const* best = nullptr;
    auto const key = reference_key(reference);
    if (key.empty()) return nullptr;
    for (auto it = active_by_reference_.lower_bound({key, 0, 0});
         it != active_by_reference_.end() && std::get<0>(*it) == key; ++it) {
        auto const* b = find(std::get<2>(*it));
        auto distance = [now](booking const* x) { return x->slot > now ? x->slot - now : now - x->slot; };
        if (!best || distance(b) < distance(best)) best = b;
    }
    return best;
}

booking& bookings::by_id(booking_id id) {
    return *std::lower_bound(all_.begin(), all_.end(), id, [](booking const& x, booking_id v) { return x.id < v; });
}

booking const* bookings::find(booking_id id) const {
    auto it = std::lower_bound(all_.begin(), all_.end(), id, [](booking const& x, booking_id v) { return x.id < v; });
    return it != all_.end() && it->id == id ? &*it : nullptr;
}

std::vector<slot> bookings::slots(service_index s, day_number d, centre const& c) const {
    if (s >= config_.services.size()) return {};
    return plan_slots(config_.services[s], rules_, hours_on(config_.calendar, d), d, inputs(s, c));
}

std::optional<time_point> bookings::first_free_after_today(service_index s, time_point now, centre const& c) const {
    if (s >= config_.services.size() || !config_.services[s].bookable) return std::nullopt;
    auto const today = day_of_slot(now);
    for (auto d = today + 1; d <= today + config_.days_ahead; ++d)
        for (auto const& x : slots(s, d, c))  // a closed day has none
            if (fits(s, x.start, now, c, nullptr) == booking_errc{}) return x.start;
    return std::nullopt;
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

namespace novbe::core {

std::vector<booking const*> bookings::outside(calendar_config const& cal) const {
    std::vector<booking const*> out;
    for (auto const& [slot, id] : active_by_slot_) {
        auto const* b = find(id);
        if (!b) continue;
        auto d = day_of_slot(slot);
        auto hours = hours_on(cal, d);
        auto length = b->service < config_.services.size() ? config_.services[b->service].slot_length : std::chrono::minutes(0);
        if (!hours || slot < moment_of(rules_, d, hours->opening) || slot + length > moment_of(rules_, d, hours->closing))
            out.push_back(b);
    }
    return out;
}

}  // namespace novbe::core
