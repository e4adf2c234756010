#include "board_view.hpp"

#include <algorithm>

namespace novbe::core {

namespace {

template <class T>
bool shown(std::vector<T> const& only, T value) {
    return only.empty() || std::find(only.begin(), only.end(), value) != only.end();
}

}  // namespace

board_view board(centre const& c, zone const& z, time_point now) {
    board_view view;
    for (auto const& call : c.recent_calls())
        if (shown(z.services, call.service) && shown(z.counters, call.counter))
            view.calls.push_back({call.number, call.counter, call.at, call.recall});
    auto const& services = c.config().services;
    for (std::size_t i = 0; i < services.size(); ++i) {
        auto s = static_cast<service_index>(i);
        if (!shown(z.services, s)) continue;
        view.lines.push_back({services[i].id, c.queue(s).size(), c.estimated_wait(s, now)});
    }
    return view;
}

}  // namespace novbe::core
