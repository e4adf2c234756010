#include "citizens.hpp"

#include "random.hpp"

#include <algorithm>

namespace novbe::sim {
namespace {

double secs(core::duration d) { return std::chrono::duration<double>(d).count(); }
core::duration ms(double s) { return core::duration(static_cast<core::duration::rep>(s * 1000.0 + 0.5)); }

citizen draw_one(core::duration at, core::service_index s, day const& d, random_stream& rng) {
    auto const& plan = d.services[s];
    citizen c{.at = at, .service = s};
    c.priority = rng.chance(plan.priority_share);
    c.no_show = rng.chance(plan.no_show_share);
    c.transfer = !c.no_show && plan.transfer_to && rng.chance(plan.transfer_share);
    double mean = static_cast<double>(plan.mean_service.count());
    c.service_time = ms(rng.lognormal(mean, plan.service_spread));
    if (c.transfer) {
        auto const& next = d.services[*plan.transfer_to];
        c.second_time = ms(rng.lognormal(static_cast<double>(next.mean_service.count()), next.service_spread));
    }
    return c;
}

// A service's bookings: each wants a slot at a uniform time in the hours its counters work, and
// comes as the plan's shares say (its own stream, so that bookings leave the walk-ins as drawn).
void draw_bookings(core::service_index s, day const& d, std::vector<citizen>& out) {
    auto const& plan = d.services[s].booked;
    if (plan.bookings == 0) return;
    core::duration first = core::duration::max(), last{};
    for (std::size_t c = 0; c < d.counters.size(); ++c)
        for (auto served : d.centre.counters[c].services)
            if (served == s) {
                first = std::min<core::duration>(first, d.counters[c].open);
                last = std::max<core::duration>(last, d.counters[c].close);
            }
    if (first >= last) return;  // no counter serves it: nothing to book
    last = std::max(first, last - core::duration(d.booking.services[s].slot_length));
    random_stream rng(d.seed * 1000003ULL + 4096 + s);
    auto const window_before = d.booking.window_before, window_after = d.booking.window_after;
    auto minutes = [](double m) { return ms(m * 60); };
    for (int i = 0; i < plan.bookings; ++i) {
        auto wants = first + ms(rng.uniform() * secs(last - first));
        citizen c = draw_one(wants, s, d, rng);
        c.priority = c.no_show = false;  // an appointment ticket; a no-show is one who never comes
        double u = rng.uniform(), spread = rng.uniform();
        if (u < plan.no_show_share) {
            c.comes = arrival::never;
        } else if (u < plan.no_show_share + plan.early_share) {
            c.comes = arrival::early;  // "about" that early: 0.75 to 1.25 of it
            c.offset = -ms(secs(plan.early) * (0.75 + 0.5 * spread));
        } else if (u < plan.no_show_share + plan.early_share + plan.late_share) {
            c.comes = arrival::late;
            c.offset = window_after + core::duration(1000) + ms(secs(plan.late) * spread);
        } else {
            c.comes = arrival::in_window;  // mostly a little before the slot: 20 min before to 5 after
            c.offset = std::max(-window_before, minutes(-20 + 25 * spread));
            c.offset = std::min(c.offset, window_after);
        }
        out.push_back(c);
    }
}

}  // namespace

std::vector<citizen> draw_citizens(day const& d) {
    std::vector<citizen> out;
    for (core::service_index s = 0; s < d.services.size(); ++s) {
        auto const& plan = d.services[s];
        random_stream rng(d.seed * 1000003ULL + s);  // one stream per service: adding one leaves the others
        for (auto at : plan.arrivals_at) out.push_back(draw_one(at, s, d, rng));
        // Poisson arrivals, hour by hour: the gap is memoryless, so a draw that passes the
        // hour's end starts again at the next hour with its own rate.
        double t = 0;
        for (std::size_t h = 0; h < plan.arrivals_per_hour.size(); ++h) {
            double const end = 3600.0 * static_cast<double>(h + 1), rate = plan.arrivals_per_hour[h] / 3600.0;
            t = std::max(t, 3600.0 * static_cast<double>(h));
            if (rate <= 0) continue;
            for (;;) {
                double next = t + rng.exponential(rate);
                if (next >= end) break;
                t = next;
                out.push_back(draw_one(ms(t), s, d, rng));
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](citizen const& a, citizen const& b) {
        return a.at != b.at ? a.at < b.at : a.service < b.service;
    });
    for (core::service_index s = 0; s < d.services.size(); ++s) draw_bookings(s, d, out);
    return out;
}

}  // namespace novbe::sim
