#include "schema.hpp"

#include <sqlite3.h>

#include <array>

namespace novbe::store {

namespace {

// Migration i takes a database from schema version i to i + 1. Append only; never edit one.
std::array<char const*, current_schema_version> const migrations = {
    R"sql(
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY,        -- gap-free, from 1
        day INTEGER NOT NULL,           -- the centre's local day (days since 1970-01-01)
        at_ms INTEGER NOT NULL,         -- Unix milliseconds
        kind INTEGER NOT NULL,          -- the core::event alternative
        body BLOB NOT NULL              -- novbe.store.v1.StoredEvent
    );
    CREATE TABLE snapshots (
        seq INTEGER PRIMARY KEY,        -- the state after this event
        day INTEGER NOT NULL,
        body BLOB NOT NULL              -- novbe.store.v1.Snapshot
    );
    CREATE TABLE tickets (              -- the report: one row per ticket, kept in step with the log
        day INTEGER NOT NULL,
        date TEXT GENERATED ALWAYS AS (date(day * 86400, 'unixepoch')) VIRTUAL,  -- YYYY-MM-DD, local
        ordinal INTEGER NOT NULL,
        number TEXT NOT NULL,
        service TEXT NOT NULL,          -- the service it was issued for
        current_service TEXT NOT NULL,  -- differs after a transfer
        priority TEXT NOT NULL,
        language TEXT,                  -- erased by retention
        issued_ms INTEGER NOT NULL,
        estimated_wait_ms INTEGER NOT NULL,
        people_ahead INTEGER NOT NULL,
        called_ms INTEGER,              -- first call in its current service
        counter INTEGER,
        clerk TEXT,
        started_ms INTEGER,
        ended_ms INTEGER,
        state TEXT NOT NULL,
        outcome TEXT,                   -- the clerk's words; erased by retention
        rating INTEGER,
        transfers INTEGER NOT NULL,
        recalls INTEGER NOT NULL,
        PRIMARY KEY (day, ordinal)
    ) WITHOUT ROWID;                    -- one B-tree: the report costs one write per event
    CREATE TABLE report_state (reported_seq INTEGER NOT NULL);  -- the report covers the log up to here
    INSERT INTO report_state VALUES (0);
    CREATE TABLE retention (erased_before_day INTEGER NOT NULL);
    INSERT INTO retention VALUES (-2147483648);
    )sql",
    R"sql(
    CREATE TABLE requests (             -- idempotency: a retried request gets its first answer
        scoped_key TEXT PRIMARY KEY,    -- who asked, and the key they chose
        day INTEGER NOT NULL,
        seq INTEGER NOT NULL,           -- the log position the answer was given at
        reply BLOB NOT NULL             -- the answer as sent (novbe.v1.ServerMessage)
    ) WITHOUT ROWID;
    )sql",
    R"sql(
    CREATE TABLE service_days (         -- each service's day as the engine counted it (core::figures)
        day INTEGER NOT NULL,           -- the centre's local day
        service TEXT NOT NULL,          -- its id
        issued INTEGER NOT NULL, transferred_in INTEGER NOT NULL, called INTEGER NOT NULL,
        served INTEGER NOT NULL, no_shows INTEGER NOT NULL, transferred_out INTEGER NOT NULL,
        cancelled INTEGER NOT NULL, closed_unserved INTEGER NOT NULL, within_target INTEGER NOT NULL,
        wait_sum_ms INTEGER NOT NULL, wait_max_ms INTEGER NOT NULL, service_sum_ms INTEGER NOT NULL,
        ratings INTEGER NOT NULL, rated_1 INTEGER NOT NULL, rated_2 INTEGER NOT NULL, rated_3 INTEGER NOT NULL,
        rated_4 INTEGER NOT NULL, rated_5 INTEGER NOT NULL,
        estimates INTEGER NOT NULL, estimate_error_sum_ms INTEGER NOT NULL,
        PRIMARY KEY (day, service)
    ) WITHOUT ROWID;
    )sql",
    R"sql(
    -- Walking time (docs/DOMAIN.md#clerks-figures) counts for services too: kept with their days.
    ALTER TABLE service_days ADD COLUMN walks INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE service_days ADD COLUMN walk_sum_ms INTEGER NOT NULL DEFAULT 0;
    )sql",
    R"sql(
    -- The clerks' figures of each day (docs/DOMAIN.md#clerks-figures), per counter and per clerk,
    -- as the engine counted them: the same columns as a service's day, its idle time, and its
    -- pauses by reason in a table of their own. Days before this version have none.
    CREATE TABLE staff_days (
        day INTEGER NOT NULL,
        kind INTEGER NOT NULL,          -- 0: a counter (who: its number), 1: a clerk (who: the user's name)
        who TEXT NOT NULL,
        issued INTEGER NOT NULL, transferred_in INTEGER NOT NULL, called INTEGER NOT NULL,
        served INTEGER NOT NULL, no_shows INTEGER NOT NULL, transferred_out INTEGER NOT NULL,
        cancelled INTEGER NOT NULL, closed_unserved INTEGER NOT NULL, within_target INTEGER NOT NULL,
        wait_sum_ms INTEGER NOT NULL, wait_max_ms INTEGER NOT NULL, service_sum_ms INTEGER NOT NULL,
        ratings INTEGER NOT NULL, rated_1 INTEGER NOT NULL, rated_2 INTEGER NOT NULL, rated_3 INTEGER NOT NULL,
        rated_4 INTEGER NOT NULL, rated_5 INTEGER NOT NULL,
        estimates INTEGER NOT NULL, estimate_error_sum_ms INTEGER NOT NULL,
        walks INTEGER NOT NULL, walk_sum_ms INTEGER NOT NULL, idle_waiting_ms INTEGER NOT NULL,
        PRIMARY KEY (day, kind, who)
    ) WITHOUT ROWID;
    CREATE TABLE staff_pauses (
        day INTEGER NOT NULL, kind INTEGER NOT NULL, who TEXT NOT NULL,
        reason TEXT NOT NULL,
        paused_ms INTEGER NOT NULL,
        PRIMARY KEY (day, kind, who, reason)
    ) WITHOUT ROWID;
    )sql",
    R"sql(
    CREATE TABLE centre_owner (         -- whose folder this is: store/folder_owner.hpp
        id TEXT NOT NULL,
        languages TEXT NOT NULL         -- comma-separated, in the file's order
    );
    )sql",
};

bool is_empty(database& db) { return db.query_int("SELECT count(*) FROM sqlite_schema") == 0; }

}  // namespace

namespace {

// A healthy file the server may not write must never be called damaged: an operator told so
// may move a good database aside. So the file and its folder are checked first, and only
// SQLite's own verdict on the bytes (NOTADB, CORRUPT) is reported as damage.
void check_writable(database& db) {
    auto why = unwritable_reason(db.path());
    if (why.empty() && sqlite3_db_readonly(db.handle(), "main") == 1) why = "SQLite opened it read-only";
    if (!why.empty()) throw store_error(db.path() + ": cannot be opened for writing: " + why);
}

}  // namespace

void prepare_schema(database& db, bool synchronous_full) {
    check_writable(db);
    std::int64_t app_id = 0;
    try {
        app_id = db.query_int("PRAGMA application_id");  // the first read: a foreign file fails here
    } catch (sqlite_error const& e) {
        int const primary = e.extended_code() & 0xff;
        if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
            throw store_error(db.path() + ": not a database file, or a damaged one (" + e.what() + ")");
        bool const writing = primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM ||
                             primary == SQLITE_AUTH;
        auto why = unwritable_reason(db.path());
        throw store_error(db.path() + (writing ? ": cannot be opened for writing: " : ": cannot be read: ") +
                          (why.empty() ? std::string(sqlite3_errstr(e.extended_code())) : why) + " (" + e.what() + ")");
    }
    bool fresh = app_id == 0 && is_empty(db);
    if (!fresh && app_id != novbe_application_id)
        throw store_error(db.path() + ": not a Novbe database (it holds other data); refusing to touch it");
    auto version = db.query_int("PRAGMA user_version");
    if (version > current_schema_version)
        throw store_error(db.path() + ": written by a newer Novbe (schema " + std::to_string(version) +
                          "; this build knows up to " + std::to_string(current_schema_version) + ")");

    db.exec("PRAGMA journal_mode=WAL");
    db.exec(synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    for (; version < current_schema_version; ++version) {
        transaction tx(db);
        db.exec(migrations[static_cast<std::size_t>(version)]);
        db.exec("PRAGMA application_id=" + std::to_string(novbe_application_id));
        db.exec("PRAGMA user_version=" + std::to_string(version + 1));
        tx.commit();
    }
}

}  // namespace novbe::store
