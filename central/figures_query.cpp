#include "figures_query.hpp"

#include <pqxx/pqxx>

namespace novbe::central {

namespace {

// The centre's day is that of its latest event. A stay in a line starts at the issue or at a
// transfer (the k-th of those events of a ticket is its stay k); every other event of the ticket
// belongs to the stay it happens in, a transfer to the stay it ends. So a call's wait is the
// call's time minus its stay's start, and it counts for the stay's service, as in
// server/core/apply.cpp.
char const* const figures_sql = R"sql(
WITH centre AS (
    SELECT c.centre_id, c.forwarded_seq, c.forwarded_at,
           (SELECT max(day) FROM events e WHERE e.centre_id = c.centre_id) AS day
    FROM centres c WHERE c.centre_id = $1),
ev AS (
    SELECT e.seq, e.at_ms, e.kind, e.fields, (e.fields->>'ticket')::integer AS t
    FROM events e, centre WHERE e.centre_id = centre.centre_id AND e.day = centre.day),
tev AS (
    SELECT seq, at_ms, kind, fields, t,
           count(*) FILTER (WHERE kind IN ('ticket_issued', 'ticket_transferred'))
               OVER (PARTITION BY t ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS stay
    FROM ev WHERE t IS NOT NULL),
stays AS (
    SELECT t, row_number() OVER (PARTITION BY t ORDER BY seq) AS stay, at_ms AS joined,
           coalesce(fields->>'to', fields->>'service') AS service
    FROM ev WHERE kind IN ('ticket_issued', 'ticket_transferred')),
per_stay AS (
    SELECT s.service,
           count(*) FILTER (WHERE e.kind = 'ticket_called') AS called,
           count(*) FILTER (WHERE e.kind = 'service_completed') AS served,
           count(*) FILTER (WHERE e.kind = 'ticket_no_show') AS no_shows,
           count(*) FILTER (WHERE e.kind = 'ticket_transferred') AS transferred_out,
           count(*) FILTER (WHERE e.kind = 'ticket_cancelled') AS cancelled,
           coalesce(sum(e.at_ms - s.joined) FILTER (WHERE e.kind = 'ticket_called'), 0) AS wait_sum_ms,
           coalesce(max(e.at_ms - s.joined) FILTER (WHERE e.kind = 'ticket_called'), 0) AS wait_max_ms,
           count(*) FILTER (WHERE e.kind = 'ticket_called' AND e.at_ms - s.joined <= sv.target_wait_ms) AS within_target,
           count(*) FILTER (WHERE e.kind = 'ticket_rated') AS ratings,
           coalesce(sum((e.fields->>'score')::integer) FILTER (WHERE e.kind = 'ticket_rated'), 0) AS rating_sum
    FROM tev e JOIN stays s ON s.t = e.t AND s.stay = e.stay
    JOIN centre ON true
    JOIN services sv ON sv.centre_id = centre.centre_id AND sv.service_id = s.service
    GROUP BY s.service),
joins AS (
    SELECT service, count(*) FILTER (WHERE stay = 1) AS issued, count(*) FILTER (WHERE stay > 1) AS transferred_in
    FROM stays GROUP BY service),
lines AS (
    SELECT current_service AS service,
           count(*) FILTER (WHERE state = 'waiting') AS waiting,
           min(issued_ms) FILTER (WHERE state = 'waiting') AS oldest_waiting_ms,
           count(*) FILTER (WHERE state = 'closed' AND ended_ms IS NOT NULL) AS closed_unserved
    FROM tickets, centre WHERE tickets.centre_id = centre.centre_id AND tickets.day = centre.day
    GROUP BY current_service),
services_json AS (
    SELECT coalesce(json_agg(json_build_object(
               'service', sv.service_id, 'prefix', sv.prefix, 'target_wait_ms', sv.target_wait_ms,
               'names', (SELECT coalesce(json_object_agg(n.language, n.name), '{}') FROM service_names n
                         WHERE n.centre_id = sv.centre_id AND n.service_id = sv.service_id),
               'issued', coalesce(j.issued, 0), 'transferred_in', coalesce(j.transferred_in, 0),
               'waiting', coalesce(l.waiting, 0), 'oldest_waiting_ms', l.oldest_waiting_ms,
               'called', coalesce(p.called, 0), 'served', coalesce(p.served, 0),
               'no_shows', coalesce(p.no_shows, 0), 'transferred_out', coalesce(p.transferred_out, 0),
               'cancelled', coalesce(p.cancelled, 0), 'closed_unserved', coalesce(l.closed_unserved, 0),
               'wait_sum_ms', coalesce(p.wait_sum_ms, 0), 'wait_max_ms', coalesce(p.wait_max_ms, 0),
               'within_target', coalesce(p.within_target, 0), 'ratings', coalesce(p.ratings, 0),
               'rating_sum', coalesce(p.rating_sum, 0)) ORDER BY sv.service_id), '[]') AS list,
           coalesce(sum(l.waiting), 0) AS waiting, min(l.oldest_waiting_ms) AS oldest_waiting_ms,
           coalesce(sum(p.called), 0) AS called, coalesce(sum(p.within_target), 0) AS within_target,
           coalesce(sum(j.issued), 0) AS issued, coalesce(sum(p.served), 0) AS served
    FROM centre JOIN services sv ON sv.centre_id = centre.centre_id
    LEFT JOIN per_stay p ON p.service = sv.service_id
    LEFT JOIN joins j ON j.service = sv.service_id
    LEFT JOIN lines l ON l.service = sv.service_id),
counter_state AS (
    SELECT DISTINCT ON ((fields->>'counter')::integer) (fields->>'counter')::integer AS counter, kind
    FROM ev WHERE kind IN ('counter_opened', 'counter_paused', 'counter_resumed', 'counter_closed')
    ORDER BY (fields->>'counter')::integer, seq DESC),
counter_clerk AS (
    SELECT DISTINCT ON ((fields->>'counter')::integer) (fields->>'counter')::integer AS counter,
           coalesce(fields->>'to_user', fields->>'clerk') AS clerk
    FROM ev WHERE kind IN ('counter_opened', 'counter_taken_over')
    ORDER BY (fields->>'counter')::integer, seq DESC),
counters_json AS (
    SELECT coalesce(json_agg(json_build_object(
               'counter', k.counter, 'name', k.name,
               'state', CASE st.kind WHEN 'counter_opened' THEN 'open' WHEN 'counter_resumed' THEN 'open'
                                     WHEN 'counter_paused' THEN 'paused' ELSE 'closed' END,
               'clerk', CASE WHEN st.kind IN ('counter_opened', 'counter_resumed', 'counter_paused') THEN cl.clerk END,
               'ticket', (SELECT sv.prefix || lpad(tk.sequence::text, 3, '0') FROM tickets tk
                          JOIN services sv ON sv.centre_id = tk.centre_id AND sv.service_id = tk.current_service
                          WHERE tk.centre_id = centre.centre_id AND tk.day = centre.day AND tk.counter = k.counter
                            AND tk.state IN ('called', 'serving') LIMIT 1)) ORDER BY k.counter), '[]') AS list,
           count(*) FILTER (WHERE st.kind IN ('counter_opened', 'counter_resumed')) AS open,
           count(*) FILTER (WHERE st.kind = 'counter_paused') AS paused
    FROM centre JOIN counters k ON k.centre_id = centre.centre_id
    LEFT JOIN counter_state st ON st.counter = k.counter
    LEFT JOIN counter_clerk cl ON cl.counter = k.counter),
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
    for (auto const& row : tx.exec("SELECT centre_id FROM centres ORDER BY centre_id")) out.push_back(row[0].as<std::string>());
    return out;
}

centre_figures read_centre(pqxx::connection& c, std::string const& centre_id) {
    pqxx::read_transaction tx(c);
    auto rows = tx.exec_params(figures_sql, centre_id);
    if (rows.empty()) return {};
    return {centre_id, rows[0][0].as<std::string>(), rows[0][1].as<std::string>()};
}

}  // namespace novbe::central
