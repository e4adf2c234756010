#include "central_schema.hpp"

#include <pqxx/pqxx>

#include <array>
#include <string>

namespace novbe::forward {

namespace {

// Migration i takes the central schema from version i to i + 1. Append only; never edit one.
std::array<char const*, central_schema_version> const migrations = {
    R"sql(
    CREATE TABLE centres (
        centre_id text PRIMARY KEY,
        identity text NOT NULL,               -- the claiming centre's own random id (its DATA_DIR)
        claimed_at timestamptz NOT NULL DEFAULT now(),
        forwarded_seq bigint NOT NULL DEFAULT 0,   -- the high-water mark: events 1..this are here
        forwarded_at timestamptz                   -- when the last batch arrived
    );
    CREATE TABLE services (
        centre_id text NOT NULL REFERENCES centres,
        service_id text NOT NULL,
        prefix text NOT NULL,
        PRIMARY KEY (centre_id, service_id)
    );
    CREATE TABLE service_names (
        centre_id text NOT NULL,
        service_id text NOT NULL,
        language text NOT NULL,
        name text NOT NULL,
        PRIMARY KEY (centre_id, service_id, language),
        FOREIGN KEY (centre_id, service_id) REFERENCES services ON DELETE CASCADE
    );
    CREATE TABLE counters (
        centre_id text NOT NULL REFERENCES centres,
        counter integer NOT NULL,
        name text NOT NULL,
        PRIMARY KEY (centre_id, counter)
    );
    CREATE TABLE events (
        centre_id text NOT NULL REFERENCES centres,
        seq bigint NOT NULL,                  -- the centre's own sequence, gap-free from 1
        day date NOT NULL,                    -- the centre's local day
        at_ms bigint NOT NULL,                -- Unix milliseconds
        at timestamptz GENERATED ALWAYS AS (to_timestamp(at_ms / 1000.0)) STORED,
        kind text NOT NULL,                   -- ticket_issued, ticket_called, ... (docs/CENTRAL.md#events)
        fields jsonb NOT NULL,
        PRIMARY KEY (centre_id, seq)
    );
    CREATE INDEX events_by_day ON events (centre_id, day);
    CREATE TABLE tickets (                    -- the projection: one row per ticket, kept in step by a trigger
        centre_id text NOT NULL,
        day date NOT NULL,
        ticket integer NOT NULL,              -- its ordinal within the day
        service text NOT NULL,                -- issued for
        current_service text NOT NULL,        -- differs after a transfer
        sequence integer NOT NULL,            -- the number's digits (the prefix is the service's)
        issued_ms bigint NOT NULL,
        estimated_wait_ms bigint NOT NULL,
        called_ms bigint,                     -- first call in its current service
        counter integer,
        clerk text,                           -- who is credited (the taker after a takeover)
        started_ms bigint,
        ended_ms bigint,
        state text NOT NULL,                  -- waiting called serving done no_show cancelled closed
        rating integer,
        transfers integer NOT NULL DEFAULT 0,
        recalls integer NOT NULL DEFAULT 0,
        wait_ms bigint GENERATED ALWAYS AS (called_ms - issued_ms) STORED,
        PRIMARY KEY (centre_id, day, ticket)
    );
    CREATE FUNCTION project_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        f jsonb := NEW.fields;
        t integer := (NEW.fields->>'ticket')::integer;
    BEGIN
        CASE NEW.kind
        WHEN 'ticket_issued' THEN
            INSERT INTO tickets (centre_id, day, ticket, service, current_service, sequence, issued_ms,
                                 estimated_wait_ms, state)
            VALUES (NEW.centre_id, NEW.day, t, f->>'service', f->>'service', (f->>'sequence')::integer,
                    NEW.at_ms, (f->>'estimated_wait_ms')::bigint, 'waiting');
        WHEN 'ticket_called' THEN
            UPDATE tickets SET state = 'called', called_ms = NEW.at_ms, counter = (f->>'counter')::integer,
                               clerk = f->>'clerk'
            WHERE centre_id = NEW.centre_id AND day = NEW.day AND ticket = t;
        WHEN 'ticket_recalled' THEN
            UPDATE tickets SET recalls = recalls + 1 WHERE centre_id = NEW.centre_id AND day = NEW.day AND ticket = t;
        WHEN 'service_started' THEN
            UPDATE tickets SET state = 'serving', started_ms = NEW.at_ms
            WHERE centre_id = NEW.centre_id AND day = NEW.day AND ticket = t;
        WHEN 'service_completed' THEN
            UPDATE tickets SET state = 'done', ended_ms = NEW.at_ms
            WHERE centre_id = NEW.centre_id AND day = NEW.day AND ticket = t;
        WHEN 'ticket_no_show' THEN
            UPDATE tickets SET state = 'no_show', ended_ms = NEW.at_ms
            WHERE centre_id = NEW.centre_id AND day = NEW.day AND ticket = t;
        WHEN 'ticket_transferred' THEN    -- a new stay in the service it went to
            UPDATE tickets SET state = 'waiting', current_service = f->>'to', transfers = transfers + 1,
                               called_ms = NULL, counter = NULL, clerk = NULL, started_ms = NULL,
                               ended_ms = NULL, recalls = 0
            WHERE centre_id = NEW.centre_id AND day = NEW.day AND ticket = t;
        WHEN 'ticket_cancelled' THEN
            UPDATE tickets SET state = 'cancelled', ended_ms = NEW.at_ms
            WHERE centre_id = NEW.centre_id AND day = NEW.day AND ticket = t;
        WHEN 'ticket_rated' THEN
            UPDATE tickets SET rating = (f->>'score')::integer
            WHERE centre_id = NEW.centre_id AND day = NEW.day AND ticket = t;
        WHEN 'counter_taken_over' THEN    -- the ticket at that counter is credited to the taker
            UPDATE tickets SET clerk = f->>'to_user'
            WHERE centre_id = NEW.centre_id AND day = NEW.day AND counter = (f->>'counter')::integer
              AND state IN ('called', 'serving');
        WHEN 'day_closed' THEN
            UPDATE tickets SET state = 'closed', ended_ms = NEW.at_ms
            WHERE centre_id = NEW.centre_id AND day = NEW.day AND state = 'waiting';
        WHEN 'day_started' THEN           -- what an earlier day left open is closed unserved
            UPDATE tickets SET state = 'closed'
            WHERE centre_id = NEW.centre_id AND day < NEW.day AND state IN ('waiting', 'called', 'serving');
        ELSE NULL;
        END CASE;
        RETURN NULL;
    END $$;
    CREATE TRIGGER project_ticket AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION project_ticket();
    )sql",
    // 1 -> 2: what novbe-central needs. Each service's target wait (for the share of calls within
    // it), and a NOTIFY on channel novbe_forwarded with the centre's id whenever its row changes
    // (each batch moves its high-water mark), delivered when the batch's transaction commits.
    R"sql(
    ALTER TABLE services ADD COLUMN target_wait_ms bigint NOT NULL DEFAULT 900000;
    CREATE FUNCTION notify_forwarded() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('novbe_forwarded', NEW.centre_id);
        RETURN NULL;
    END $$;
    CREATE TRIGGER notify_forwarded AFTER INSERT OR UPDATE ON centres FOR EACH ROW EXECUTE FUNCTION notify_forwarded();
    )sql",
    live_figures_migration,  // 2 -> 3: service_days, counters' state, tickets' joined_ms
    R"sql(
    -- 3 -> 4: who made each event happen (docs/DOMAIN.md#audit), as the centre's log keeps it
    ALTER TABLE events ADD COLUMN actor_role text NOT NULL DEFAULT '', ADD COLUMN actor text NOT NULL DEFAULT '';
    )sql",
    reference_migration,  // 4 -> 5: agencies, retired, the reference kept from events, projections per batch
    batch_projection_migration,  // 5 -> 6: the batch's projection set-wise
};

}  // namespace

void prepare_central_schema(pqxx::connection& c, int up_to) {
    pqxx::work tx(c);
    tx.exec("SELECT pg_advisory_xact_lock(7845627)");  // "NOVB": one migrating centre at a time
    tx.exec0("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)");
    auto rows = tx.exec("SELECT version FROM schema_version");
    int version = rows.empty() ? 0 : rows[0][0].as<int>();
    if (version > central_schema_version)
        throw schema_too_new("the central schema is version " + std::to_string(version) +
                             ", newer than this build knows (" + std::to_string(central_schema_version) +
                             "): forwarding stops until this centre runs a newer Novbe");
    if (rows.empty()) tx.exec0("INSERT INTO schema_version VALUES (0)");
    for (; version < up_to && version < central_schema_version; ++version) {
        tx.exec0(migrations[static_cast<std::size_t>(version)]);
        tx.exec0("UPDATE schema_version SET version = " + std::to_string(version + 1));
    }
    tx.commit();
}

}  // namespace novbe::forward
