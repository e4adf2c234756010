// Snapshots: a centre's own state out, and a centre rebuilt from it with its derived indexes.
#include "centre.hpp"

#include <algorithm>

namespace novbe::core {

centre_image centre::image() const {
    centre_image image{.day = day_, .closed = closed_, .tickets = tickets_, .counters = counters_, .statistics = statistics_,
                       .recent_calls = recent_calls_, .hall_message = hall_message_, .roster = roster_,
                       .bookings = bookings_.image(), .alerts = alerts_, .services = config_.services,
                       .counters_set_up = config_.counters};
    if (bookings_.calendar_set()) image.calendar = bookings_.config().calendar;
    for (auto const& times : service_times_) image.service_times.emplace_back(times.recent().begin(), times.recent().end());
    return image;
}

namespace {

bool fits(centre_config const& config, centre_image const& image) {
    auto const services = config.services.size();
    if (image.counters.size() != config.counters.size() || image.service_times.size() != services ||
        image.statistics.by_service.size() != services)
        return false;
    for (std::size_t i = 0; i < image.counters.size(); ++i) {
        auto const& counter = image.counters[i];
        if (counter.number != config.counters[i].number) return false;
        for (auto held : {counter.current, counter.last_served})
            if (held && *held >= image.tickets.size()) return false;
    }
    for (std::size_t i = 0; i < image.tickets.size(); ++i) {
        auto const& t = image.tickets[i];
        if (t.ordinal != i || t.issued_for >= services || t.visits.empty() || t.sequence == 0) return false;
        for (auto const& v : t.visits)
            if (v.service >= services) return false;
    }
    return std::all_of(image.recent_calls.begin(), image.recent_calls.end(),
                       [&](auto const& call) { return call.service < services; });
}

// A booking configuration follows the file's services; the image's set-up may order them otherwise
// or hold more: each keeps its own rules by id, a service the file does not book takes none.
booking_config align(booking_config booking, centre_config const& file, centre_config const& now) {
    std::vector<booking_service_rules> rules;
    for (auto const& s : now.services) {
        auto at = file.find_service(s.id);
        rules.push_back(at && *at < booking.services.size() ? booking.services[*at] : booking_service_rules{.bookable = false});
    }
    booking.services = std::move(rules);
    return booking;
}

}  // namespace

// The image's set-up, when it has one, is the centre's: the log wins over the file (docs/SETUP.md).
std::optional<centre> centre::from_image(centre_config config, centre_image image,
                                         std::optional<booking_config> booking) {
    if (!image.services.empty()) {
        auto file = config;
        config.services = std::move(image.services);
        config.counters = std::move(image.counters_set_up);
        if (booking) booking = align(std::move(*booking), file, config);
    }
    if (!fits(config, image)) return std::nullopt;
    if (image.calendar) {  // an admin's calendar wins over the file's (docs/SETUP.md#hours-and-holidays)
        if (!validate(*image.calendar).empty()) return std::nullopt;
        if (!booking) booking = booking_config::none(config);
        booking->calendar = *image.calendar;
    }
    centre c(std::move(config), booking);
    if (image.bookings.ended.empty()) image.bookings.ended.resize(c.config_.services.size());
    auto kept = bookings::from_image(c.config_, c.bookings_.config(), std::move(image.bookings));
    if (!kept) return std::nullopt;
    c.bookings_ = std::move(*kept);
    if (image.calendar) c.bookings_.set_calendar(*image.calendar);
    c.day_ = image.day;
    c.closed_ = image.closed;
    c.counters_ = std::move(image.counters);
    c.statistics_ = std::move(image.statistics);
    c.recent_calls_ = std::move(image.recent_calls);
    c.hall_message_ = std::move(image.hall_message);
    if (!image.alerts.empty()) {
        if (image.alerts.size() != c.alerts_.size()) return std::nullopt;
        c.alerts_ = std::move(image.alerts);
    }
    for (auto const& d : image.roster.devices)
        if (d.kind == device_kind::rating_pad && !c.find_counter(d.stands_at)) return std::nullopt;
    c.roster_ = std::move(image.roster);
    for (std::size_t s = 0; s < image.service_times.size(); ++s)
        for (auto d : image.service_times[s]) c.service_times_[s].add(d);
    c.tickets_ = std::move(image.tickets);
    for (auto const& t : c.tickets_) {
        auto& issued = c.numbers_[t.issued_for];
        if (t.sequence != issued.size() + 1) return std::nullopt;  // numbers are issued in order, gap-free
        issued.push_back(t.ordinal);
        if (!c.tokens_.insert(t.token, t.ordinal)) return std::nullopt;
        if (t.state == ticket_state::waiting) c.queues_[t.current().service].push(t);
    }
    c.rebuild_paces();
    return c;
}

}  // namespace novbe::core
