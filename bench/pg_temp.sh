# Sourced by the central benchmarks: a temporary PostgreSQL 15 in its own folder, started with
# initdb and pg_ctl as the tests start theirs (as the postgres user when run as root), Unix socket
# only, so no port of the machine is taken. Sets $pg_folder, $pg_conn; pg_sql runs psql on it.
pg_bin=/usr/lib/postgresql/15/bin
pg_folder=$(mktemp -d /tmp/novbe-bench-pg-XXXXXX)
pg_conn="host=$pg_folder port=5432 user=novbe dbname=postgres"
pg_as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$pg_folder"
pg_as_owner "$pg_bin/initdb" -D "$pg_folder/data" -A trust -U novbe -E UTF8 >"$pg_folder/initdb.log" 2>&1
# fsync stays on: what is measured commits as a real central database would.
pg_start() {
    pg_as_owner "$pg_bin/pg_ctl" -D "$pg_folder/data" -l "$pg_folder/server.log" -w -t 60 \
        -o "-k $pg_folder -p 5432 -c listen_addresses= -c shared_buffers=256MB -c work_mem=64MB" start >/dev/null
}
pg_stop() { pg_as_owner "$pg_bin/pg_ctl" -D "$pg_folder/data" -m fast -w stop >/dev/null 2>&1 || true; }
pg_sql() { "$pg_bin/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$pg_conn" "$@"; }
pg_remove() { pg_stop; rm -rf "$pg_folder"; }
