#include "statistics.hpp"

#include <algorithm>

namespace novbe::core {

double figures::average_rating() const {
    if (ratings == 0) return 0.0;
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < rating_counts.size(); ++i) sum += rating_counts[i] * static_cast<std::uint32_t>(i + 1);
    return double(sum) / ratings;
}

figures& figures::operator+=(figures const& o) {
    issued += o.issued;
    transferred_in += o.transferred_in;
    called += o.called;
    served += o.served;
    no_shows += o.no_shows;
    transferred_out += o.transferred_out;
    cancelled += o.cancelled;
    closed_unserved += o.closed_unserved;
    within_target += o.within_target;
    wait_sum += o.wait_sum;
    wait_max = std::max(wait_max, o.wait_max);
    service_sum += o.service_sum;
    ratings += o.ratings;
    for (std::size_t i = 0; i < rating_counts.size(); ++i) rating_counts[i] += o.rating_counts[i];
    estimates += o.estimates;
    estimate_error_sum += o.estimate_error_sum;
    walks += o.walks;
    walk_sum += o.walk_sum;
    idle_waiting += o.idle_waiting;
    for (auto const& [reason, d] : o.pause_by_reason) pause_by_reason[reason] += d;
    return *this;
}

figures fold_pause_reasons(figures f) {
    auto& pauses = f.pause_by_reason;
    if (pauses.size() <= max_pause_reasons) return f;
    std::vector<std::pair<duration, std::string>> longest;
    for (auto const& [reason, d] : pauses)
        if (reason != other_pause_reason) longest.emplace_back(d, reason);
    std::sort(longest.begin(), longest.end(), [](auto const& a, auto const& b) { return a.first > b.first; });
    std::map<std::string, duration> kept;
    duration other = pauses.contains(std::string(other_pause_reason)) ? pauses.at(std::string(other_pause_reason)) : duration{};
    for (std::size_t i = 0; i < longest.size(); ++i)
        if (i + 1 < max_pause_reasons) kept[longest[i].second] = longest[i].first;
        else other += longest[i].first;
    kept[std::string(other_pause_reason)] = other;
    pauses = std::move(kept);
    return f;
}

}  // namespace novbe::core
