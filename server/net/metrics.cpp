#include "metrics.hpp"

#include <sstream>

namespace novbe::net {

namespace {

void header(std::ostringstream& out, char const* name, char const* type, char const* help) {
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

template <class Bounds, class Counts>
void histogram(std::ostringstream& out, char const* name, Bounds const& bounds, Counts const& counts, double sum,
               std::uint64_t count) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < bounds.size(); ++i) {
        cumulative += counts[i];
        out << name << "_bucket{le=\"" << bounds[i] << "\"} " << cumulative << '\n';
    }
    out << name << "_bucket{le=\"+Inf\"} " << cumulative + counts[bounds.size()] << '\n';
    out << name << "_sum " << sum << '\n' << name << "_count " << count << '\n';
}

}  // namespace

std::string metrics::render(core::centre const& c, store::event_log::figures const& store, core::time_point now) const {
    std::ostringstream out;
    header(out, "novbe_connections", "gauge", "WebSocket connections by role (unknown: before the Hello).");
    for (auto const& [role, n] : connections_) out << "novbe_connections{role=\"" << role << "\"} " << n << '\n';
    header(out, "novbe_commands_total", "counter", "Commands received, by type.");
    for (auto const& [type, n] : commands_) out << "novbe_commands_total{type=\"" << type << "\"} " << n << '\n';
    header(out, "novbe_errors_total", "counter", "Errors answered, by code.");
    for (auto const& [code, n] : errors_) out << "novbe_errors_total{code=\"" << code << "\"} " << n << '\n';

    header(out, "novbe_commit_events", "histogram", "Events per durable commit (group commit batch size).");
    histogram(out, "novbe_commit_events", store.size_bounds, store.by_size, static_cast<double>(store.events), store.commits);
    header(out, "novbe_commit_seconds", "histogram", "Time to make one batch durable.");
    histogram(out, "novbe_commit_seconds", store.latency_bounds, store.by_latency, store.commit_seconds, store.commits);

    header(out, "novbe_waiting", "gauge", "Tickets waiting now, by service.");
    header(out, "novbe_estimated_wait_seconds", "gauge", "Estimated wait for a ticket taken now, by service.");
    for (std::size_t i = 0; i < c.config().services.size(); ++i) {
        auto s = static_cast<core::service_index>(i);
        auto const& id = c.config().services[i].id;
        out << "novbe_waiting{service=\"" << id << "\"} " << c.queue(s).size() << '\n';
        out << "novbe_estimated_wait_seconds{service=\"" << id << "\"} "
            << std::chrono::duration_cast<std::chrono::seconds>(c.estimated_wait(s, now)).count() << '\n';
    }
    header(out, "novbe_tickets_today", "gauge", "Tickets issued since the day began.");
    out << "novbe_tickets_today " << c.tickets().size() << '\n';
    return out.str();
}

}  // namespace novbe::net
