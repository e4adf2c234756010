// Migration 4 -> 5 of the central schema (central_schema.cpp): each service's agency (and the
// agency's names), services and counters retired, and the reference tables kept in step with the
// centre's runtime set-up (docs/SETUP.md#services-and-counters-at-runtime) from its `service_set`
// and `counter_set` events, so a service an admin adds, renames, moves to another agency or
// retires is central with its batch, not at the centre's next start. And the projections made
// per batch: one statement-level trigger over the batch's events in place of three row triggers.
#include "central_schema.hpp"

namespace novbe::forward {

char const* const reference_migration = R"sql(
    ALTER TABLE services ADD COLUMN agency text NOT NULL DEFAULT '', ADD COLUMN retired boolean NOT NULL DEFAULT false;
    ALTER TABLE counters ADD COLUMN retired boolean NOT NULL DEFAULT false;
    -- One agency has one set of names at a centre (docs/PROTOCOL.md, ChangeService).
    CREATE TABLE agency_names (
        centre_id text NOT NULL REFERENCES centres,
        agency text NOT NULL,
        language text NOT NULL,
        name text NOT NULL,
        PRIMARY KEY (centre_id, agency, language)
    );
    -- s: a StoredService as the events' JSON has it (docs/CENTRAL.md#events), the whole service.
    CREATE FUNCTION upsert_service(centre text, s jsonb) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
        sid text := s->>'id';
        sagency text := coalesce(s->>'agency', '');
    BEGIN
        INSERT INTO services (centre_id, service_id, prefix, target_wait_ms, agency, retired)
        VALUES (centre, sid, coalesce(s->>'prefix', ''), coalesce((s->>'target_wait_ms')::bigint, 900000), sagency,
                coalesce((s->>'retired')::boolean, false))
        ON CONFLICT (centre_id, service_id) DO UPDATE SET prefix = EXCLUDED.prefix, target_wait_ms = EXCLUDED.target_wait_ms,
            agency = EXCLUDED.agency, retired = EXCLUDED.retired;
        DELETE FROM service_names WHERE centre_id = centre AND service_id = sid;
        INSERT INTO service_names SELECT centre, sid, key, value FROM jsonb_each_text(coalesce(s->'names', '{}'));
        IF sagency <> '' AND coalesce(s->'agency_names', '{}') <> '{}' THEN
            DELETE FROM agency_names a WHERE a.centre_id = centre AND a.agency = sagency;
            INSERT INTO agency_names SELECT centre, sagency, key, value FROM jsonb_each_text(s->'agency_names');
        END IF;
    END $$;
    -- k: a StoredCounter as the events' JSON has it; its state and clerk are the figures' trigger's.
    CREATE FUNCTION upsert_counter(centre text, k jsonb) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO counters (centre_id, counter, name, retired)
        VALUES (centre, (k->>'number')::integer, coalesce(k->>'name', ''), coalesce((k->>'retired')::boolean, false))
        ON CONFLICT (centre_id, counter) DO UPDATE SET name = EXCLUDED.name, retired = EXCLUDED.retired;
    END $$;
    -- What the events already here say, the latest change of each service and counter winning.
    DO $$ BEGIN
        PERFORM upsert_service(centre_id, fields->'service') FROM (
            SELECT DISTINCT ON (centre_id, fields->'service'->>'id') centre_id, fields FROM events
            WHERE kind = 'service_set' ORDER BY centre_id, fields->'service'->>'id', seq DESC) latest;
        PERFORM upsert_counter(centre_id, fields->'counter') FROM (
            SELECT DISTINCT ON (centre_id, fields->'counter'->>'number') centre_id, fields FROM events
            WHERE kind = 'counter_set' ORDER BY centre_id, fields->'counter'->>'number', seq DESC) latest;
    END $$;
    -- The projections per batch (a statement's events in seq order, one function call for all of
    -- them): what the row triggers project_figures and project_ticket did for
    -- each event, in that order, with each service's day's changes summed and written once at the
    -- end (bench/README.md: the row triggers cost the ingest most of its rate).
    DROP TRIGGER project_figures ON events;
    DROP TRIGGER project_ticket ON events;
    DROP FUNCTION project_figures();
    DROP FUNCTION project_ticket();
    CREATE FUNCTION project_batch() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        e record;
        f jsonb;
        t integer;
        k record;
        w bigint;
    BEGIN
        IF to_regclass('pg_temp.service_day_changes') IS NULL THEN
            CREATE TEMP TABLE service_day_changes (LIKE service_days INCLUDING DEFAULTS);
        END IF;
        FOR e IN SELECT centre_id, day, at_ms, kind, fields FROM batch ORDER BY centre_id, seq LOOP
            f := e.fields;
            t := (f->>'ticket')::integer;
            CASE e.kind
            WHEN 'ticket_issued' THEN
                INSERT INTO service_day_changes (centre_id, day, service, issued) VALUES (e.centre_id, e.day, f->>'service', 1);
                INSERT INTO tickets (centre_id, day, ticket, service, current_service, sequence, issued_ms, estimated_wait_ms, state)
                VALUES (e.centre_id, e.day, t, f->>'service', f->>'service', (f->>'sequence')::integer, e.at_ms,
                        (f->>'estimated_wait_ms')::bigint, 'waiting');
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
                UPDATE counters SET state = 'open', clerk = f->>'clerk' WHERE centre_id = e.centre_id AND counter = (f->>'counter')::integer;
            WHEN 'counter_paused' THEN
                UPDATE counters SET state = 'paused' WHERE centre_id = e.centre_id AND counter = (f->>'counter')::integer;
            WHEN 'counter_resumed' THEN
                UPDATE counters SET state = 'open' WHERE centre_id = e.centre_id AND counter = (f->>'counter')::integer;
            WHEN 'counter_closed' THEN
                UPDATE counters SET state = 'closed', clerk = NULL WHERE centre_id = e.centre_id AND counter = (f->>'counter')::integer;
            WHEN 'counter_taken_over' THEN    -- the ticket at that counter is credited to the taker
                UPDATE counters SET clerk = f->>'to_user' WHERE centre_id = e.centre_id AND counter = (f->>'counter')::integer;
                UPDATE tickets SET clerk = f->>'to_user'
                WHERE centre_id = e.centre_id AND day = e.day AND counter = (f->>'counter')::integer AND state IN ('called', 'serving');
            WHEN 'service_set' THEN
                PERFORM upsert_service(e.centre_id, f->'service');
            WHEN 'counter_set' THEN
                PERFORM upsert_counter(e.centre_id, f->'counter');
            WHEN 'ticket_transferred' THEN    -- a new stay in the service it went to
                SELECT current_service INTO k FROM tickets WHERE centre_id = e.centre_id AND day = e.day AND ticket = t;
                IF FOUND THEN
                    INSERT INTO service_day_changes (centre_id, day, service, transferred_out, transferred_in)
                    VALUES (e.centre_id, e.day, k.current_service, 1, 0), (e.centre_id, e.day, f->>'to', 0, 1);
                END IF;
                UPDATE tickets SET state = 'waiting', current_service = f->>'to', transfers = transfers + 1, joined_ms = e.at_ms,
                                   called_ms = NULL, counter = NULL, clerk = NULL, started_ms = NULL, ended_ms = NULL, recalls = 0
                WHERE centre_id = e.centre_id AND day = e.day AND ticket = t;
            WHEN 'ticket_called', 'service_completed', 'ticket_no_show', 'ticket_cancelled', 'ticket_rated',
                 'ticket_recalled', 'service_started' THEN
                -- The ticket, returning its stay (which none of these changes) for the figures.
                CASE e.kind
                WHEN 'ticket_called' THEN
                    UPDATE tickets SET state = 'called', called_ms = e.at_ms, counter = (f->>'counter')::integer, clerk = f->>'clerk'
                    WHERE centre_id = e.centre_id AND day = e.day AND ticket = t
                    RETURNING current_service, coalesce(joined_ms, issued_ms) AS joined INTO k;
                WHEN 'ticket_recalled' THEN
                    UPDATE tickets SET recalls = recalls + 1 WHERE centre_id = e.centre_id AND day = e.day AND ticket = t;
                    CONTINUE;
                WHEN 'service_started' THEN
                    UPDATE tickets SET state = 'serving', started_ms = e.at_ms WHERE centre_id = e.centre_id AND day = e.day AND ticket = t;
                    CONTINUE;
                WHEN 'service_completed' THEN
                    UPDATE tickets SET state = 'done', ended_ms = e.at_ms WHERE centre_id = e.centre_id AND day = e.day AND ticket = t
                    RETURNING current_service INTO k;
                WHEN 'ticket_no_show' THEN
                    UPDATE tickets SET state = 'no_show', ended_ms = e.at_ms WHERE centre_id = e.centre_id AND day = e.day AND ticket = t
                    RETURNING current_service INTO k;
                WHEN 'ticket_cancelled' THEN
                    UPDATE tickets SET state = 'cancelled', ended_ms = e.at_ms WHERE centre_id = e.centre_id AND day = e.day AND ticket = t
                    RETURNING current_service INTO k;
                ELSE  -- ticket_rated
                    UPDATE tickets SET rating = (f->>'score')::integer WHERE centre_id = e.centre_id AND day = e.day AND ticket = t
                    RETURNING current_service INTO k;
                END CASE;
                IF NOT FOUND THEN CONTINUE; END IF;
                IF e.kind = 'ticket_called' THEN
                    w := e.at_ms - k.joined;
                    INSERT INTO service_day_changes (centre_id, day, service, called, wait_sum_ms, wait_max_ms, within_target)
                    VALUES (e.centre_id, e.day, k.current_service, 1, w, w,
                            CASE WHEN w <= (SELECT target_wait_ms FROM services
                                            WHERE centre_id = e.centre_id AND service_id = k.current_service) THEN 1 ELSE 0 END);
                ELSE
                    INSERT INTO service_day_changes (centre_id, day, service, served, no_shows, cancelled, ratings, rating_sum)
                    VALUES (e.centre_id, e.day, k.current_service, (e.kind = 'service_completed')::integer,
                            (e.kind = 'ticket_no_show')::integer, (e.kind = 'ticket_cancelled')::integer,
                            (e.kind = 'ticket_rated')::integer,
                            CASE WHEN e.kind = 'ticket_rated' THEN (f->>'score')::integer ELSE 0 END);
                END IF;
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
    CREATE TRIGGER project_batch AFTER INSERT ON events REFERENCING NEW TABLE AS batch
        FOR EACH STATEMENT EXECUTE FUNCTION project_batch();
)sql";

}  // namespace novbe::forward
