#include "booking_config.hpp"

namespace novbe::core {

booking_config booking_config::defaults(centre_config const& centre) {
    booking_config config;
    config.calendar = calendar_config::every_day(centre.rules);
    config.services.resize(centre.services.size());
    return config;
}

booking_config booking_config::none(centre_config const& centre) {
    auto config = defaults(centre);
    for (auto& s : config.services) s.bookable = false;
    return config;
}

std::string validate(booking_config const& config, centre_config const& centre) {
    if (auto problem = validate(config.calendar); !problem.empty()) return problem;
    if (config.services.size() != centre.services.size()) return "booking rules must name every service once";
    if (config.days_ahead < 0 || config.days_ahead > max_days_ahead) return "days_ahead must be 0 to 366";
    if (config.window_before < duration{0} || config.window_before > std::chrono::hours(24) ||
        config.window_after < duration{0} || config.window_after > std::chrono::hours(24))
        return "the check-in window must be 0 to 24 hours each side of the slot";
    for (auto const& s : config.services) {
        if (s.slot_length < std::chrono::minutes(5) || s.slot_length > std::chrono::hours(4))
            return "slot_minutes must be 5 to 240";
        if (s.walk_in_percent < 0 || s.walk_in_percent > 100) return "walk_in_percent must be 0 to 100";
        if (s.max_overbook_percent < 0 || s.max_overbook_percent > 100) return "max_overbook_percent must be 0 to 100";
        if (s.daily_cap < 0) return "daily_cap must be 0 (none) or more";
        if (s.planned_counters && *s.planned_counters > 10'000) return "planned_counters must be at most 10000";
    }
    return "";
}

}  // namespace novbe::core
