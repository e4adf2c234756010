// The bookings' bookkeeping: apply() and what it keeps in step (the slots' counts, the active
// references, the lapse order, the tokens), and the rebuild from an image.
#include "bookings.hpp"

#include <algorithm>

namespace novbe::core {

void bookings::apply(booking_event const& ev) {
    std::visit([&](auto const& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, booking_made>) {
            all_.push_back(booking{e.id, e.service, e.slot, e.reference, e.phone, e.portal, e.token, e.at,
                                   booking_state::active, std::nullopt});
            next_id_ = e.id + 1;
            tokens_.insert(e.token, e.id);
            hold(all_.back());
        } else if constexpr (std::is_same_v<T, bookings_forgotten>) {
            forget(e.before);
        } else {
            auto& b = by_id(e.id);
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
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, booking_made>)
            return e.id == next_id_ && e.service < config_.services.size() && !tokens_.contains(e.token);
        else if constexpr (std::is_same_v<T, bookings_forgotten>)
            return true;
        else
            return find(e.id) && find(e.id)->state == booking_state::active;
    }, ev);
}

void bookings::hold(booking const& b) {
    ++held_[{b.service, b.slot}];
    ++held_day_[{b.service, day_of_slot(b.slot)}];
    active_by_reference_.insert({reference_key(b.reference), b.service, b.id});
    active_by_slot_.insert({b.slot, b.id});
}

void bookings::unhold(booking const& b) {
    auto drop = [](auto& map, auto const& key) {
        if (auto it = map.find(key); it != map.end() && --it->second == 0) map.erase(it);
    };
    drop(held_, std::pair{b.service, b.slot});
    drop(held_day_, std::pair{b.service, day_of_slot(b.slot)});
}

void bookings::release(booking const& b) {
    unhold(b);
    active_by_reference_.erase({reference_key(b.reference), b.service, b.id});
    active_by_slot_.erase({b.slot, b.id});
}

booking const* bookings::find(ticket_token const& token) const {
    auto id = tokens_.find(token);
    return id ? find(*id) : nullptr;
}

void bookings::forget(day_number before) {
    std::erase_if(all_, [&](booking const& x) {
        if (x.state == booking_state::active || day_of_slot(x.slot) >= before) return false;
        if (x.state == booking_state::checked_in) unhold(x);  // its place in a past slot
        return true;
    });
    tokens_.clear();  // the index keeps no removals: built again from what is left, once a day
    for (auto const& x : all_) tokens_.insert(x.token, x.id);
}

std::optional<bookings> bookings::from_image(centre_config const& centre, booking_config config,
                                             booking_image image) {
    bookings out(centre, std::move(config));
    if (image.ended.size() != out.ended_.size()) return std::nullopt;
    out.ended_ = image.ended;
    for (auto& b : image.all) {
        if (b.id >= image.next_id || (!out.all_.empty() && b.id <= out.all_.back().id) ||
            b.service >= out.config_.services.size() || b.token.empty() || !out.tokens_.insert(b.token, b.id))
            return std::nullopt;
        out.all_.push_back(std::move(b));
        auto const& x = out.all_.back();
        if (x.state == booking_state::active) {
            // The same reference twice at once was never accepted; two that match only once
            // folded ("AB123", "ab123") may come from an older log, and stay.
            auto const key = reference_key(x.reference);
            for (auto it = out.active_by_reference_.lower_bound({key, x.service, 0});
                 it != out.active_by_reference_.end() && std::get<0>(*it) == key && std::get<1>(*it) == x.service; ++it)
                if (out.find(std::get<2>(*it))->reference == x.reference) return std::nullopt;  // two at once
            out.hold(x);
        } else if (x.state == booking_state::checked_in) {
            ++out.held_[{x.service, x.slot}];
            ++out.held_day_[{x.service, out.day_of_slot(x.slot)}];
        }
    }
    out.next_id_ = image.next_id;
    return out;
}

}  // namespace novbe::core
