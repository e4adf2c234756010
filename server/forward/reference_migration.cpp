// Migration 4 -> 5 of the central schema (central_schema.cpp): each service's agency (and the
// agency's names), services and counters retired, and the reference tables kept in step with the
// centre's runtime set-up (docs/SETUP.md#services-and-counters-at-runtime) by a trigger on its
// `service_set` and `counter_set` events, so a service an admin adds, renames, moves to another
// agency or retires is central with its batch, not at the centre's next start.
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
    CREATE FUNCTION project_reference() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.kind = 'service_set' THEN
            PERFORM upsert_service(NEW.centre_id, NEW.fields->'service');
        ELSE
            PERFORM upsert_counter(NEW.centre_id, NEW.fields->'counter');
        END IF;
        RETURN NULL;
    END $$;
    -- Only for set-up events (the WHEN costs the other events no function call). Row triggers run
    -- row by row, so a ticket called after its service was added in the same batch finds it.
    CREATE TRIGGER project_reference AFTER INSERT ON events FOR EACH ROW
        WHEN (NEW.kind IN ('service_set', 'counter_set')) EXECUTE FUNCTION project_reference();
)sql";

}  // namespace novbe::forward
