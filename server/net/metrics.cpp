#include "metrics.hpp"

#include <prometheus/text_serializer.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <vector>

namespace novbe::net {

namespace {

namespace pm = prometheus;

template <class Builder>
auto& family(Builder builder, pm::Registry& registry, char const* name, char const* help) {
    return builder.Name(name).Help(help).Register(registry);
}

template <class Bounds>
pm::Histogram::BucketBoundaries boundaries(Bounds const& bounds) {
    return {bounds.begin(), bounds.end()};
}

template <class T>
T& child(pm::Family<T>& f, std::map<std::string, T*, std::less<>>& known, char const* label, std::string const& value) {
    auto at = known.find(value);
    if (at == known.end()) at = known.emplace(value, &f.Add({{label, value}})).first;
    return *at->second;
}

// The writer counts each commit in one bucket (plus an overflow); a histogram takes the new
// ones since the last render as increments per bucket.
template <class Counts>
void observe_since(pm::Histogram& h, Counts const& now, Counts const& before, double sum) {
    std::vector<double> increments(now.size());
    for (std::size_t i = 0; i < now.size(); ++i) increments[i] = static_cast<double>(now[i] - before[i]);
    h.ObserveMultiple(increments, sum);
}

}  // namespace

using figures = store::event_log::figures;

metrics::metrics()
    : connections_(family(pm::BuildGauge(), registry_, "novbe_connections",
                          "WebSocket connections by role (unknown: before the Hello).")),
      commands_(family(pm::BuildCounter(), registry_, "novbe_commands_total", "Commands received, by type.")),
      errors_(family(pm::BuildCounter(), registry_, "novbe_errors_total", "Errors answered, by code.")),
      commit_events_(family(pm::BuildHistogram(), registry_, "novbe_commit_events",
                            "Events per durable commit (group commit batch size); reads commit nothing.")
                         .Add({}, boundaries(figures::size_bounds))),
      commit_seconds_(family(pm::BuildHistogram(), registry_, "novbe_commit_seconds", "Time to make one batch durable.")
                          .Add({}, boundaries(figures::latency_bounds))),
      waiting_(family(pm::BuildGauge(), registry_, "novbe_waiting", "Tickets waiting now, by service.")),
      estimated_wait_(family(pm::BuildGauge(), registry_, "novbe_estimated_wait_seconds",
                             "Estimated wait for a ticket taken now, by service.")),
      tickets_today_(family(pm::BuildGauge(), registry_, "novbe_tickets_today", "Tickets issued since the day began.")
                         .Add({})) {}

void metrics::central_lag(double events, double seconds) {
    if (!central_events_) {
        central_events_ = &family(pm::BuildGauge(), registry_, "novbe_central_lag_events",
                                  "Durable events not yet in the central database.").Add({});
        central_seconds_ = &family(pm::BuildGauge(), registry_, "novbe_central_lag_seconds",
                                   "Age of the oldest durable event not yet in the central database.").Add({});
    }
    central_events_->Set(events);
    central_seconds_->Set(seconds);
}

void metrics::connected(std::string const& role) { child(connections_, connections_by_role_, "role", role).Increment(); }
void metrics::disconnected(std::string const& role) {
    child(connections_, connections_by_role_, "role", role).Decrement();
}
void metrics::command(std::string const& type) { child(commands_, commands_by_type_, "type", type).Increment(); }
void metrics::refused(std::string const& code) { child(errors_, errors_by_code_, "code", code).Increment(); }

void metrics::carry_over(figures const& store) {
    if (store.commits == carried_.commits) return;
    observe_since(commit_events_, store.by_size, carried_.by_size, static_cast<double>(store.events - carried_.events));
    observe_since(commit_seconds_, store.by_latency, carried_.by_latency, store.commit_seconds - carried_.commit_seconds);
    carried_ = store;
}

std::string metrics::render(core::centre const& c, figures const& store, core::time_point now) {
    carry_over(store);
    auto const& services = c.config().services;
    for (std::size_t i = 0; i < services.size(); ++i) {
        auto s = static_cast<core::service_index>(i);
        pm::Labels const service{{"service", services[i].id}};
        waiting_.Add(service).Set(static_cast<double>(c.queue(s).size()));
        estimated_wait_.Add(service).Set(
            static_cast<double>(std::chrono::duration_cast<std::chrono::seconds>(c.estimated_wait(s, now)).count()));
    }
    tickets_today_.Set(static_cast<double>(c.tickets().size()));

    auto families = registry_.Collect();
    for (auto& f : families)  // a family keeps its metrics in a hash map: sorted, the page reads the same each time
        std::sort(f.metric.begin(), f.metric.end(),
                  [](pm::ClientMetric const& a, pm::ClientMetric const& b) { return a.label < b.label; });
    std::ostringstream out;
    pm::TextSerializer{}.Serialize(out, families);
    return out.str();
}

}  // namespace novbe::net
