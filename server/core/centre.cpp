#include "centre.hpp"

#include <algorithm>
#include <charconv>

namespace novbe::core {

centre::centre(centre_config config, std::optional<booking_config> booking)
    : config_(std::move(config)),
      bookings_(config_, booking ? std::move(*booking) : booking_config::none(config_)) {
    auto const services = config_.services.size();
    numbers_.resize(services);
    queues_.resize(services);
    paces_.resize(services);
    for (auto const& s : config_.services)
        service_times_.emplace_back(config_.rules.service_time_window, s.default_service_time);
    for (auto const& c : config_.counters) counters_.push_back(counter_state{.number = c.number});
    statistics_.by_service.resize(services);
    alerts_.resize(services);
    derive_counters();
}

ticket const* centre::find_ticket(std::string_view number) const {
    auto digits = number.find_first_of("0123456789");
    if (digits == 0 || digits == std::string_view::npos) return nullptr;
    auto service = config_.find_prefix(number.substr(0, digits));
    if (!service) return nullptr;
    std::uint32_t sequence = 0;
    auto tail = number.substr(digits);
    auto [end, ec] = std::from_chars(tail.data(), tail.data() + tail.size(), sequence);
    if (ec != std::errc{} || end != tail.data() + tail.size()) return nullptr;
    auto const& issued = numbers_[*service];
    if (sequence == 0 || sequence > issued.size()) return nullptr;
    return &tickets_[issued[sequence - 1]];
}

ticket const* centre::find_ticket(ticket_token const& token) const {
    auto ordinal = tokens_.find(token);
    return ordinal ? &tickets_[*ordinal] : nullptr;
}

std::string centre::number_of(ticket const& t) const {
    return format_number(config_.services[t.issued_for].prefix, t.sequence, config_.rules.number_digits);
}

std::size_t centre::counter_index(counter_number number) const {
    auto it = std::lower_bound(counter_by_number_.begin(), counter_by_number_.end(), std::pair(number, std::size_t{0}));
    return it != counter_by_number_.end() && it->first == number ? it->second : counters_.size();
}

counter_state const* centre::find_counter(counter_number number) const {
    auto i = counter_index(number);
    return i < counters_.size() ? &counters_[i] : nullptr;
}

counter_state* centre::counter_at(counter_number number) {
    auto i = counter_index(number);
    return i < counters_.size() ? &counters_[i] : nullptr;
}

std::size_t centre::open_counters(service_index s) const {
    std::size_t open = 0;
    for (auto i : counters_serving_[s]) {
        auto status = counters_[i].status();
        if (status == counter_status::open || status == counter_status::serving) ++open;
    }
    return open;
}

std::size_t centre::people_ahead(ticket const& t, time_point now) const {
    if (t.state != ticket_state::waiting) return 0;
    return queues_[t.current().service].ahead_of(t, now, config_.rules.appointment_early);
}

std::string_view name(counter_status s) {
    switch (s) {
    case counter_status::closed: return "closed";
    case counter_status::open: return "open";
    case counter_status::serving: return "serving";
    case counter_status::paused: return "paused";
    }
    return "?";
}

}  // namespace novbe::core
