#include "citizens.hpp"

#include "random.hpp"

#include <algorithm>

namespace novbe::sim {
namespace {

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
    return out;
}

}  // namespace novbe::sim
