#include "slot_plan.hpp"

#include <algorithm>

namespace novbe::core {

int bookable_per_slot(booking_service_rules const& rules, slot_inputs const& in) {
    if (!rules.bookable || in.counters == 0) return 0;
    auto const service_ms = std::max<std::int64_t>(in.service_time.count(), 1);
    auto const slot_ms = std::chrono::duration_cast<duration>(rules.slot_length).count();
    // counters × slot ÷ service time, of which (100 − walk-in share) %, rounded down.
    auto served = static_cast<std::int64_t>(in.counters) * slot_ms * (100 - rules.walk_in_percent);
    return static_cast<int>(std::min<std::int64_t>(served / (service_ms * 100), 1'000'000));
}

int overbook_per_slot(booking_service_rules const& rules, int bookable, int no_show_percent) {
    auto percent = std::clamp(std::min(no_show_percent, rules.max_overbook_percent), 0, 100);
    return bookable * percent / 100;
}

std::vector<slot> plan_slots(booking_service_rules const& rules, centre_rules const& centre,
                             std::optional<day_hours> hours, day_number d, slot_inputs const& in) {
    std::vector<slot> slots;
    if (!hours || !rules.bookable || rules.slot_length <= std::chrono::minutes(0)) return slots;
    auto const bookable = bookable_per_slot(rules, in);
    if (bookable == 0) return slots;
    auto const overbook = overbook_per_slot(rules, bookable, in.no_show_percent);
    auto const opens = moment_of(centre, d, hours->opening);
    auto const closes = opens + (hours->closing - hours->opening);
    for (auto start = opens; start + rules.slot_length <= closes; start += rules.slot_length)
        slots.push_back(slot{start, start + rules.slot_length, bookable, overbook});
    return slots;
}

}  // namespace novbe::core
