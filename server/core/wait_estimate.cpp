#include "wait_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace novbe::core {
namespace {

// A fifth of the window at each end is dropped once there are five or more: a service closed by
// mistake in seconds, or left open over a break, does not count.
duration blend(duration prior, std::deque<duration> const& recent) {
    std::vector<duration> sorted(recent.begin(), recent.end());
    std::sort(sorted.begin(), sorted.end());
    auto const trim = sorted.size() >= 5 ? sorted.size() / 5 : 0;
    duration sum = prior * static_cast<duration::rep>(service_times::prior_weight);
    for (auto i = trim; i < sorted.size() - trim; ++i) sum += sorted[i];
    auto const weight = service_times::prior_weight + sorted.size() - 2 * trim;
    return sum / static_cast<duration::rep>(weight);
}

// The time by which the open counters, the paused ones once back from their break, and the
// counters away on a planned break meanwhile (`steps`) get through `work` while `load` counters'
// worth of newcomers go first.
double time_to_clear(double work, std::vector<std::pair<double, int>> const& steps, std::size_t open, double load) {
    // Newcomers never take more than three quarters of the counters: the line still moves.
    auto rate = [&](double counters) { return counters <= 0 ? 0.0 : std::max(counters - load, counters / 4); };
    double serving = static_cast<double>(open), at = 0, done = 0;
    for (auto const& [t, change] : steps) {
        if (serving > 0 && done + (t - at) * rate(serving) >= work) break;
        done += (t - at) * rate(serving);
        at = t;
        serving += change;
    }
    return at + (work - done) / rate(std::max(serving, 1.0));
}

duration minutes_down(double ms) { return std::chrono::minutes(static_cast<long>(std::floor(ms / 60'000.0))); }
duration minutes_up(double ms) { return std::chrono::minutes(static_cast<long>(std::ceil(ms / 60'000.0))); }

}  // namespace

void service_times::add(duration d) {
    recent_.push_back(d);
    if (recent_.size() > window_) recent_.pop_front();
    expected_ = blend(prior_, recent_);
}

duration estimate_wait(std::size_t people_ahead, std::size_t open_counters, duration expected_service) {
    auto counters = static_cast<duration::rep>(std::max<std::size_t>(open_counters, 1));
    return expected_service * static_cast<duration::rep>(people_ahead) / counters;
}

void line_pace::add_stay(duration stay, duration served) {
    overheads.push_back(std::max(stay - served, duration::zero()));
    if (overheads.size() > stay_window) overheads.pop_front();
}

void line_pace::add_priority(time_point at) {
    priority_issued.push_back(at);
    while (at - priority_issued.front() > priority_window) priority_issued.pop_front();
}

void line_pace::add_normal(time_point at) {
    normal_issued.push_back(at);
    while (at - normal_issued.front() > arrival_window) normal_issued.pop_front();
}

void line_pace::add_call(duration actual, duration told) {
    if (told < std::chrono::minutes(1)) return;  // a ratio of seconds says little
    ratios.push_back(std::clamp(static_cast<double>(actual.count()) / static_cast<double>(told.count()), 0.0, 4.0));
    if (ratios.size() > ratio_window) ratios.pop_front();
}

std::size_t line_pace::priority_since(time_point since) const {
    return static_cast<std::size_t>(std::count_if(priority_issued.begin(), priority_issued.end(), [&](time_point at) { return at >= since; }));
}

std::size_t line_pace::normal_since(time_point since) const {
    return static_cast<std::size_t>(std::count_if(normal_issued.begin(), normal_issued.end(), [&](time_point at) { return at >= since; }));
}

bool line_pace::operator==(line_pace const& o) const {
    auto same = [](auto const& a, auto const& b) {
        std::vector x(a.begin(), a.end()), y(b.begin(), b.end());
        std::sort(x.begin(), x.end());
        std::sort(y.begin(), y.end());
        return x == y;
    };
    return same(overheads, o.overheads) && same(priority_issued, o.priority_issued) && same(normal_issued, o.normal_issued) && same(ratios, o.ratios);
}

duration expected_stay(duration expected_service, std::deque<duration> const& overheads) {
    if (overheads.empty()) return expected_service;
    duration sum{};
    for (auto d : overheads) sum += d;
    return expected_service + sum / static_cast<duration::rep>(overheads.size());
}

line_clock clock_of(line_now const& line, std::deque<double> const& ratios) {
    line_clock out;
    auto ms = [](duration d) { return static_cast<double>(std::max(d, duration::zero()).count()); };
    for (auto d : line.paused_for) out.steps.emplace_back(d < expected_pause ? ms(expected_pause - d) : 0.0, 1);
    for (auto d : line.back_in) out.steps.emplace_back(ms(d), 1);
    for (auto const& [from, to] : line.breaks_ahead) {
        out.steps.emplace_back(ms(from), -1);
        out.steps.emplace_back(ms(to), 1);
    }
    std::sort(out.steps.begin(), out.steps.end());
    // How far off the middle figures told on this line lately were: their 10th and 90th
    // percentiles (nearest rank), or a default spread until enough are known.
    if (ratios.size() >= ratio_minimum) {
        std::vector<double> sorted(ratios.begin(), ratios.end());
        std::sort(sorted.begin(), sorted.end());
        auto const last = static_cast<double>(sorted.size() - 1);
        out.low = sorted[static_cast<std::size_t>(std::floor(0.1 * last))];
        out.high = sorted[static_cast<std::size_t>(std::ceil(0.9 * last))];
    }
    return out;
}

wait_range estimate_range(line_now const& line, line_clock const& clock) {
    if (line.people_ahead < line.idle_counters) return {};  // an idle counter calls at once
    auto const mid = time_to_clear(static_cast<double>(line.work_ahead.count()), clock.steps, line.open_counters, line.priority_load);
    auto const middle = duration(static_cast<duration::rep>(mid));
    return {std::min(minutes_down(mid * clock.low), middle), middle, std::max(minutes_up(mid * clock.high), middle)};
}

wait_range estimate_range(line_now const& line, std::deque<double> const& ratios) {
    return estimate_range(line, clock_of(line, ratios));
}

}  // namespace novbe::core
