#include "booking_figures.hpp"

#include <algorithm>
#include <numeric>

namespace novbe::net {

namespace {

// Waits of the calls of one group (booked or walk-in) of one service, or of all.
struct waits {
    std::vector<core::duration> booked, walk_in;
};

std::int64_t seconds(core::duration d) { return std::chrono::duration_cast<std::chrono::seconds>(d).count(); }

core::duration average(std::vector<core::duration> const& v) {
    if (v.empty()) return {};
    return std::accumulate(v.begin(), v.end(), core::duration{}) / static_cast<std::int64_t>(v.size());
}

struct counts {
    std::uint32_t booked = 0, checked_in = 0, lapsed = 0;
};

void put(v1::Figures& f, counts const& n, waits& w) {
    f.set_bookings(n.booked);
    f.set_bookings_checked_in(n.checked_in);
    f.set_bookings_lapsed(n.lapsed);
    auto ended = n.checked_in + n.lapsed;
    f.set_no_show_percent(ended ? n.lapsed * 100 / ended : 0);
    f.set_booked_average_wait_s(seconds(average(w.booked)));
    f.set_booked_p90_wait_s(seconds(p90(w.booked)));
    f.set_walk_in_average_wait_s(seconds(average(w.walk_in)));
    f.set_walk_in_p90_wait_s(seconds(p90(w.walk_in)));
}

}  // namespace

core::duration p90(std::vector<core::duration>& v) {
    if (v.empty()) return {};
    std::sort(v.begin(), v.end());
    auto rank = (v.size() * 9 + 9) / 10;  // ceil(0.9 n), 1-based
    return v[rank - 1];
}

void add_booking_figures(core::centre const& c, core::day_number today, v1::Statistics& out) {
    auto const services = c.config().services.size();
    std::vector<counts> n(services);
    std::vector<waits> w(services);
    counts all_n;
    waits all_w;
    // A wait is counted where the centre counts it: a stay in a line that ended in a call. A
    // booked citizen's runs from check-in (its stay's start) to the call.
    for (auto const& t : c.tickets())
        for (auto const& v : t.visits) {
            if (!v.called || v.service >= services) continue;
            auto wait = *v.called - v.joined;
            bool booked = t.cls == core::priority_class::appointment;
            (booked ? w[v.service].booked : w[v.service].walk_in).push_back(wait);
            (booked ? all_w.booked : all_w.walk_in).push_back(wait);
        }
    auto const& rules = c.config().rules;
    if (today != core::no_day)
        for (auto const& b : c.appointments().all()) {
            if (b.service >= services || b.state == core::booking_state::cancelled) continue;
            if (core::day_of(b.slot, rules.utc_offset, rules.day_start) != today) continue;
            for (auto* k : {&n[b.service], &all_n}) {
                ++k->booked;
                if (b.state == core::booking_state::checked_in) ++k->checked_in;
                if (b.state == core::booking_state::lapsed) ++k->lapsed;
            }
        }
    for (std::size_t s = 0; s < services && s < static_cast<std::size_t>(out.by_service_size()); ++s)
        put(*out.mutable_by_service(static_cast<int>(s)), n[s], w[s]);
    auto& centre = *out.mutable_centre();
    centre.set_key("centre");
    put(centre, all_n, all_w);
}

}  // namespace novbe::net
