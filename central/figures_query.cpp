#include "figures_query.hpp"

#include <pqxx/pqxx>

namespace novbe::central {

namespace {

// The centre's day is that of its latest event. Its services' figures are the service_days
// projection, kept by a trigger exactly as the engine counts its statistics (a stay in a line
// starts at the issue or a transfer; each call, end and rating counts for the stay it belongs to:
// server/forward/live_figures_migration.cpp); waiting tickets and counters are read as they are.
char const* const figures_sql = R"sql(
WITH centre AS (
    SELECT c.centre_id, c.forwarded_seq, c.forwarded_at,
           (SELECT max(day) FROM events e WHERE e.centre_id = c.centre_id) AS day
    FROM centres c WHERE c.centre_id = $1),
lines AS (
    SELECT current_service AS service, count(*) AS waiting, min(issued_ms) AS oldest_waiting_ms
    FROM tickets, centre WHERE tickets.centre_id = centre.centre_id AND tickets.day = centre.day AND state = 'waiting'
    GROUP BY current_service),
services_json AS (
    SELECT coalesce(json_agg(json_build_object(
               'service', sv.service_id, 'prefix', sv.prefix, 'target_wait_ms', sv.target_wait_ms,
               'names', (SELECT coalesce(json_object_agg(n.language, n.name), '{}') FROM service_names n
                         WHERE n.centre_id = sv.centre_id AND n.service_id = sv.service_id),
               'issued', coalesce(d.issued, 0), 'transferred_in', coalesce(d.transferred_in, 0),
               'waiting', coalesce(l.waiting, 0), 'oldest_waiting_ms', l.oldest_waiting_ms,
               'called', coalesce(d.called, 0), 'served', coalesce(d.served, 0),
               'no_shows', coalesce(d.no_shows, 0), 'transferred_out', coalesce(d.transferred_out, 0),
               'cancelled', coalesce(d.cancelled, 0), 'closed_unserved', coalesce(d.closed_unserved, 0),
               'wait_sum_ms', coalesce(d.wait_sum_ms, 0), 'wait_max_ms', coalesce(d.wait_max_ms, 0),
               'within_target', coalesce(d.within_target, 0), 'ratings', coalesce(d.ratings, 0),
               'rating_sum', coalesce(d.rating_sum, 0)) ORDER BY sv.service_id), '[]') AS list,
           coalesce(sum(l.waiting), 0) AS waiting, min(l.oldest_waiting_ms) AS oldest_waiting_ms,
           coalesce(sum(d.called), 0) AS called, coalesce(sum(d.within_target), 0) AS within_target,
           coalesce(sum(d.issued), 0) AS issued, coalesce(sum(d.served), 0) AS served
    FROM centre JOIN services sv ON sv.centre_id = centre.centre_id
    LEFT JOIN service_days d ON d.centre_id = centre.centre_id AND d.day = centre.day AND d.service = sv.service_id
    LEFT JOIN lines l ON l.service = sv.service_id),
counters_json AS (
    SELECT coalesce(json_agg(json_build_object(
               'counter', k.counter, 'name', k.name, 'state', k.state, 'clerk', k.clerk,
               'ticket', (SELECT sv.prefix || lpad(tk.sequence::text, 3, '0') FROM tickets tk
                          JOIN services sv ON sv.centre_id = tk.centre_id AND sv.service_id = tk.current_service
                          WHERE tk.centre_id = centre.centre_id AND tk.day = centre.day AND tk.counter = k.counter
                            AND tk.state IN ('called', 'serving') LIMIT 1)) ORDER BY k.counter), '[]') AS list,
           count(*) FILTER (WHERE k.state = 'open') AS open,
           count(*) FILTER (WHERE k.state = 'paused') AS paused
    FROM centre JOIN counters k ON k.centre_id = centre.centre_id),
last_event AS (
    SELECT e.at_ms FROM events e, centre WHERE e.centre_id = centre.centre_id AND e.seq = centre.forwarded_seq)
SELECT json_build_object(
           'centre', centre.centre_id, 'day', centre.day,
           'waiting', s.waiting, 'oldest_waiting_ms', s.oldest_waiting_ms, 'issued', s.issued, 'served', s.served,
           'called', s.called, 'within_target', s.within_target, 'open_counters', k.open, 'paused_counters', k.paused,
           'forwarded_seq', centre.forwarded_seq,
           'last_batch_ms', (extract(epoch FROM centre.forwarded_at) * 1000)::bigint,
           'last_event_ms', (SELECT at_ms FROM last_event))::text,
       json_build_object('centre', centre.centre_id, 'day', centre.day, 'services', s.list, 'counters', k.list)::text
FROM centre, services_json s, counters_json k
)sql";

}  // namespace

std::vector<std::string> centre_ids(pqxx::connection& c) {
    pqxx::read_transaction tx(c);
    std::vector<std::string> out;
    for (auto const& row : tx.exec("SELECT centre_id FROM centres ORDER BY centre_id"))
        out.push_back(row[0].as<std::string>());
    return out;
}

centre_figures read_centre(pqxx::connection& c, std::string const& centre_id) {
    pqxx::read_transaction tx(c);
    auto rows = tx.exec_params(figures_sql, centre_id);
    if (rows.empty()) return {};
    return {centre_id, rows[0][0].as<std::string>(), rows[0][1].as<std::string>()};
}

}  // namespace novbe::central
