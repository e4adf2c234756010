#pragma once
// The server's figures for GET /metrics: connections by role, commands and refusals by type, the
// store's commits (sizes, latencies), lines per service. They live in a prometheus-cpp registry
// and are written by its TextSerializer, which escapes label values and keeps each family's
// samples under its one # TYPE line; server/net/README.md says what each family means.
// Counted and rendered on the event loop's thread (prometheus-cpp's metrics are thread-safe,
// but nothing here needs that); the store's writer keeps its own figures, carried over here.
#include "core/centre.hpp"
#include "store/event_log.hpp"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <functional>
#include <map>
#include <string>

namespace novbe::net {

class metrics {
public:
    metrics();
    metrics(metrics const&) = delete;
    metrics& operator=(metrics const&) = delete;

    void connected(std::string const& role);
    void disconnected(std::string const& role);
    void command(std::string const& type);
    void refused(std::string const& code);

    // The forwarder's lag behind the durable log (docs/CENTRAL.md#lag); its two gauges appear
    // from the first call, so a centre without [central] shows neither.
    void central_lag(double events, double seconds);

    // The text format (version 0.0.4), with the centre's lines and the store's figures as of now.
    std::string render(core::centre const& c, store::event_log::figures const& store, core::time_point now);

private:
    // One family's metrics by their one label's value, found without building a label map.
    template <class T>
    using by_label = std::map<std::string, T*, std::less<>>;

    void carry_over(store::event_log::figures const& store);

    prometheus::Registry registry_;
    prometheus::Family<prometheus::Gauge>& connections_;
    prometheus::Family<prometheus::Counter>& commands_;
    prometheus::Family<prometheus::Counter>& errors_;
    prometheus::Histogram& commit_events_;
    prometheus::Histogram& commit_seconds_;
    prometheus::Family<prometheus::Gauge>& waiting_;
    prometheus::Family<prometheus::Gauge>& estimated_wait_;
    prometheus::Gauge& tickets_today_;
    by_label<prometheus::Gauge> connections_by_role_;
    by_label<prometheus::Counter> commands_by_type_;
    by_label<prometheus::Counter> errors_by_code_;
    prometheus::Gauge* central_events_ = nullptr;
    prometheus::Gauge* central_seconds_ = nullptr;
    store::event_log::figures carried_;  // the store's figures as of the last render
};

}  // namespace novbe::net
