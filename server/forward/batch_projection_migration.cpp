// Migration 5 -> 6 of the central schema (central_schema.cpp): the batch's projection made
// set-wise. Schema 5's project_batch went through the batch event by event, so `tickets` was
// updated once per event; now the ticket events between two events that touch tickets otherwise
// (a day closed or started, a counter taken over, a service set) are one segment, and each
// ticket's row is written once per segment from its events in order (inserted if it was issued
// there), each service's day's figures once per segment. The rows are those schema 5 made, to the
// digit (docs/CENTRAL.md#schema; bench/README.md has the rates).
#include "central_schema.hpp"

namespace novbe::forward {

char const* const batch_projection_migration = R"sql(
    CREATE OR REPLACE FUNCTION project_batch() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        e record;
        ef jsonb;         -- e's fields
        lo_centre text;   -- the segment starts after (lo_centre, lo_seq); NULL: at the batch's start
        lo_seq bigint;
    BEGIN
        IF to_regclass('pg_temp.service_day_changes') IS NULL THEN
            CREATE TEMP TABLE service_day_changes (LIKE service_days INCLUDING DEFAULTS);
        END IF;
        -- The events other than a ticket's own, in order, and an end that closes the last segment.
        FOR e IN SELECT * FROM (
                SELECT centre_id, seq, day, at_ms, kind, fields FROM batch
                WHERE kind IN ('day_closed', 'day_started', 'counter_opened', 'counter_paused', 'counter_resumed',
                               'counter_closed', 'counter_taken_over', 'service_set', 'counter_set')
                UNION ALL SELECT NULL, NULL, NULL, NULL, '', NULL) x
            ORDER BY kind = '', centre_id, seq LOOP
            ef := e.fields;
            IF e.kind IN ('day_closed', 'day_started', 'counter_taken_over', 'service_set', '') THEN
                -- The ticket events before it (since the last such event), set-wise.
                WITH seg AS (
                    SELECT centre_id, seq, day, at_ms, kind, (fields->>'ticket')::integer AS t,
                           coalesce(fields->>'to', fields->>'service') AS svc,  -- what an issue or a transfer joins
                           (fields->>'counter')::integer AS counter, fields->>'clerk' AS clerk, (fields->>'score')::integer AS score,
                           (fields->>'sequence')::integer AS sequence, (fields->>'estimated_wait_ms')::bigint AS estimated_wait_ms
                    FROM batch
                    WHERE kind IN ('ticket_issued', 'ticket_called', 'ticket_recalled', 'service_started', 'service_completed',
                                   'ticket_no_show', 'ticket_transferred', 'ticket_cancelled', 'ticket_rated')
                      AND (lo_centre IS NULL OR (centre_id, seq) > (lo_centre, lo_seq))
                      AND (e.kind = '' OR (centre_id, seq) < (e.centre_id, e.seq))),
                -- Each event with the start of the stay it happens in (the latest issue or transfer
                -- of its ticket before it in the segment), and its ticket's latest such start.
                ev AS (
                    SELECT seg.*,
                           max(seq) FILTER (WHERE kind IN ('ticket_issued', 'ticket_transferred')) OVER before AS stay_seq,
                           max(seq) FILTER (WHERE kind IN ('ticket_issued', 'ticket_transferred')) OVER whole AS reset_seq,
                           bool_or(kind = 'ticket_issued') OVER whole AS issued_here
                    FROM seg WINDOW before AS (PARTITION BY centre_id, day, t ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
                                    whole AS (PARTITION BY centre_id, day, t ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)),
                -- The stay's service and start: from the segment, else the ticket as it stands.
                stayed AS (
                    SELECT ev.centre_id, ev.day, ev.kind, ev.svc, ev.score, ev.at_ms, (tk.ticket IS NOT NULL OR ev.issued_here) AS known,
                           CASE WHEN ev.stay_seq IS NULL THEN tk.current_service ELSE st.svc END AS service,
                           CASE WHEN ev.stay_seq IS NULL THEN coalesce(tk.joined_ms, tk.issued_ms) ELSE st.at_ms END AS joined
                    FROM ev LEFT JOIN seg st ON st.centre_id = ev.centre_id AND st.seq = ev.stay_seq
                    LEFT JOIN tickets tk ON NOT ev.issued_here AND tk.centre_id = ev.centre_id AND tk.day = ev.day AND tk.ticket = ev.t),
                -- Each service's day's changes, as the engine counts them (live_figures_migration.cpp).
                figures AS (
                    INSERT INTO service_day_changes (centre_id, day, service, issued, transferred_in, called, served, no_shows,
                                                     transferred_out, cancelled, within_target, wait_sum_ms, wait_max_ms, ratings, rating_sum)
                    SELECT x.centre_id, x.day, x.service, sum(x.issued), sum(x.transferred_in), sum(x.called), sum(x.served),
                           sum(x.no_shows), sum(x.transferred_out), sum(x.cancelled),
                           count(*) FILTER (WHERE x.wait <= sv.target_wait_ms), coalesce(sum(x.wait), 0), max(coalesce(x.wait, 0)),
                           sum(x.ratings), sum(x.rating_sum)
                    FROM (
                        SELECT centre_id, day, CASE WHEN kind = 'ticket_issued' THEN svc ELSE service END AS service,
                               (kind = 'ticket_issued')::integer AS issued, 0 AS transferred_in, (kind = 'ticket_called')::integer AS called,
                               (kind = 'service_completed')::integer AS served, (kind = 'ticket_no_show')::integer AS no_shows,
                               (kind = 'ticket_transferred')::integer AS transferred_out, (kind = 'ticket_cancelled')::integer AS cancelled,
                               CASE WHEN kind = 'ticket_called' THEN at_ms - joined END AS wait, (kind = 'ticket_rated')::integer AS ratings,
                               CASE WHEN kind = 'ticket_rated' THEN score ELSE 0 END AS rating_sum
                        FROM stayed
                        WHERE kind = 'ticket_issued'
                           OR (known AND kind IN ('ticket_called', 'service_completed', 'ticket_no_show', 'ticket_transferred',
                                                  'ticket_cancelled', 'ticket_rated'))
                        UNION ALL
                        SELECT centre_id, day, svc, 0, 1, 0, 0, 0, 0, 0, NULL, 0, 0
                        FROM stayed WHERE kind = 'ticket_transferred' AND known) x
                    LEFT JOIN services sv ON sv.centre_id = x.centre_id AND sv.service_id = x.service
                    GROUP BY x.centre_id, x.day, x.service),
                -- Each ticket's row after its events: each column the last event that writes it
                -- (a transfer starts a new stay: it empties the call, service and end).
                per_ticket AS (
                    SELECT centre_id, day, t, bool_or(issued_here) AS issued_here, max(reset_seq) AS reset_seq,
                           min(sequence) FILTER (WHERE kind = 'ticket_issued') AS sequence,
                           min(estimated_wait_ms) FILTER (WHERE kind = 'ticket_issued') AS estimated_wait_ms,
                           min(svc) FILTER (WHERE kind = 'ticket_issued') AS service,
                           min(at_ms) FILTER (WHERE kind = 'ticket_issued') AS issued_ms,
                           (array_agg(svc ORDER BY seq DESC)
                                FILTER (WHERE kind IN ('ticket_issued', 'ticket_transferred')))[1] AS current_service,
                           (array_agg(CASE kind WHEN 'ticket_called' THEN 'called' WHEN 'service_started' THEN 'serving'
                                                WHEN 'service_completed' THEN 'done' WHEN 'ticket_no_show' THEN 'no_show'
                                                WHEN 'ticket_cancelled' THEN 'cancelled' ELSE 'waiting' END ORDER BY seq DESC)
                                FILTER (WHERE kind NOT IN ('ticket_recalled', 'ticket_rated')))[1] AS state,
                           max(seq) FILTER (WHERE kind = 'ticket_called') AS called_seq,
                           (array_agg(at_ms ORDER BY seq DESC) FILTER (WHERE kind = 'ticket_called'))[1] AS called_ms,
                           (array_agg(counter ORDER BY seq DESC) FILTER (WHERE kind = 'ticket_called'))[1] AS counter,
                           (array_agg(clerk ORDER BY seq DESC) FILTER (WHERE kind = 'ticket_called'))[1] AS clerk,
                           max(seq) FILTER (WHERE kind = 'service_started') AS started_seq,
                           (array_agg(at_ms ORDER BY seq DESC) FILTER (WHERE kind = 'service_started'))[1] AS started_ms,
                           max(seq) FILTER (WHERE kind IN ('service_completed', 'ticket_no_show', 'ticket_cancelled')) AS ended_seq,
                           (array_agg(at_ms ORDER BY seq DESC)
                                FILTER (WHERE kind IN ('service_completed', 'ticket_no_show', 'ticket_cancelled')))[1] AS ended_ms,
                           bool_or(kind = 'ticket_rated') AS rated,
                           (array_agg(score ORDER BY seq DESC) FILTER (WHERE kind = 'ticket_rated'))[1] AS rating,
                           count(*) FILTER (WHERE kind = 'ticket_transferred') AS transfers,
                           count(*) FILTER (WHERE kind = 'ticket_recalled' AND seq > coalesce(reset_seq, 0)) AS recalls,
                           (array_agg(at_ms ORDER BY seq DESC) FILTER (WHERE kind = 'ticket_transferred'))[1] AS joined_ms
                    FROM ev GROUP BY centre_id, day, t),
                issued AS (
                    INSERT INTO tickets (centre_id, day, ticket, service, current_service, sequence, issued_ms, estimated_wait_ms,
                                         called_ms, counter, clerk, started_ms, ended_ms, state, rating, transfers, recalls, joined_ms)
                    SELECT centre_id, day, t, service, current_service, sequence, issued_ms, estimated_wait_ms,
                           CASE WHEN called_seq > reset_seq THEN called_ms END, CASE WHEN called_seq > reset_seq THEN counter END,
                           CASE WHEN called_seq > reset_seq THEN clerk END, CASE WHEN started_seq > reset_seq THEN started_ms END,
                           CASE WHEN ended_seq > reset_seq THEN ended_ms END, state, rating, transfers, recalls, joined_ms
                    FROM per_ticket WHERE issued_here)
                UPDATE tickets tk SET
                    current_service = coalesce(p.current_service, tk.current_service),
                    state = coalesce(p.state, tk.state),
                    called_ms = CASE WHEN p.called_seq > coalesce(p.reset_seq, 0) THEN p.called_ms
                                     WHEN p.reset_seq IS NOT NULL THEN NULL ELSE tk.called_ms END,
                    counter = CASE WHEN p.called_seq > coalesce(p.reset_seq, 0) THEN p.counter
                                   WHEN p.reset_seq IS NOT NULL THEN NULL ELSE tk.counter END,
                    clerk = CASE WHEN p.called_seq > coalesce(p.reset_seq, 0) THEN p.clerk
                                 WHEN p.reset_seq IS NOT NULL THEN NULL ELSE tk.clerk END,
                    started_ms = CASE WHEN p.started_seq > coalesce(p.reset_seq, 0) THEN p.started_ms
                                      WHEN p.reset_seq IS NOT NULL THEN NULL ELSE tk.started_ms END,
                    ended_ms = CASE WHEN p.ended_seq > coalesce(p.reset_seq, 0) THEN p.ended_ms
                                    WHEN p.reset_seq IS NOT NULL THEN NULL ELSE tk.ended_ms END,
                    rating = CASE WHEN p.rated THEN p.rating ELSE tk.rating END,
                    transfers = tk.transfers + p.transfers,
                    recalls = CASE WHEN p.reset_seq IS NULL THEN tk.recalls ELSE 0 END + p.recalls,
                    joined_ms = coalesce(p.joined_ms, tk.joined_ms)
                FROM per_ticket p
                WHERE NOT p.issued_here AND tk.centre_id = p.centre_id AND tk.day = p.day AND tk.ticket = p.t;
                lo_centre := e.centre_id;
                lo_seq := e.seq;
            END IF;
            CASE e.kind
            WHEN 'day_closed' THEN
                INSERT INTO service_day_changes (centre_id, day, service, closed_unserved)
                SELECT e.centre_id, e.day, current_service, count(*) FROM tickets
                WHERE centre_id = e.centre_id AND day = e.day AND state = 'waiting' GROUP BY current_service;
                UPDATE tickets SET state = 'closed', ended_ms = e.at_ms WHERE centre_id = e.centre_id AND day = e.day AND state = 'waiting';
            WHEN 'day_started' THEN           -- what an earlier day left open is closed unserved
                UPDATE counters SET state = 'closed', clerk = NULL WHERE centre_id = e.centre_id;
                UPDATE tickets SET state = 'closed'
                WHERE centre_id = e.centre_id AND day < e.day AND state IN ('waiting', 'called', 'serving');
            WHEN 'counter_opened' THEN
                UPDATE counters SET state = 'open', clerk = ef->>'clerk' WHERE centre_id = e.centre_id AND counter = (ef->>'counter')::integer;
            WHEN 'counter_paused' THEN
                UPDATE counters SET state = 'paused' WHERE centre_id = e.centre_id AND counter = (ef->>'counter')::integer;
            WHEN 'counter_resumed' THEN
                UPDATE counters SET state = 'open' WHERE centre_id = e.centre_id AND counter = (ef->>'counter')::integer;
            WHEN 'counter_closed' THEN
                UPDATE counters SET state = 'closed', clerk = NULL WHERE centre_id = e.centre_id AND counter = (ef->>'counter')::integer;
            WHEN 'counter_taken_over' THEN    -- the ticket at that counter is credited to the taker
                UPDATE counters SET clerk = ef->>'to_user' WHERE centre_id = e.centre_id AND counter = (ef->>'counter')::integer;
                UPDATE tickets SET clerk = ef->>'to_user'
                WHERE centre_id = e.centre_id AND day = e.day AND counter = (ef->>'counter')::integer AND state IN ('called', 'serving');
            WHEN 'service_set' THEN
                PERFORM upsert_service(e.centre_id, ef->'service');
            WHEN 'counter_set' THEN
                PERFORM upsert_counter(e.centre_id, ef->'counter');
            ELSE NULL;
            END CASE;
        END LOOP;
        -- Each service's day once: its counts added, its longest wait the longer.
        INSERT INTO service_days
        SELECT centre_id, day, service, sum(issued), sum(transferred_in), sum(called), sum(served), sum(no_shows),
               sum(transferred_out), sum(cancelled), sum(closed_unserved), sum(within_target), sum(wait_sum_ms),
               max(wait_max_ms), sum(ratings), sum(rating_sum)
        FROM service_day_changes GROUP BY centre_id, day, service
        ON CONFLICT (centre_id, day, service) DO UPDATE SET
            issued = service_days.issued + EXCLUDED.issued, transferred_in = service_days.transferred_in + EXCLUDED.transferred_in,
            called = service_days.called + EXCLUDED.called, served = service_days.served + EXCLUDED.served,
            no_shows = service_days.no_shows + EXCLUDED.no_shows, transferred_out = service_days.transferred_out + EXCLUDED.transferred_out,
            cancelled = service_days.cancelled + EXCLUDED.cancelled, closed_unserved = service_days.closed_unserved + EXCLUDED.closed_unserved,
            within_target = service_days.within_target + EXCLUDED.within_target, wait_sum_ms = service_days.wait_sum_ms + EXCLUDED.wait_sum_ms,
            wait_max_ms = greatest(service_days.wait_max_ms, EXCLUDED.wait_max_ms), ratings = service_days.ratings + EXCLUDED.ratings,
            rating_sum = service_days.rating_sum + EXCLUDED.rating_sum;
        DELETE FROM service_day_changes;
        RETURN NULL;
    END $$;
)sql";

}  // namespace novbe::forward
