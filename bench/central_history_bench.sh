#!/usr/bin/env bash
# central_history_bench.sh [TICKETS_PER_DAY] [CENTRES] [DAYS]: issue 15's history benchmark.
# A year of generated tickets of 20 centres in a real PostgreSQL 15 (a temporary cluster, initdb
# and pg_ctl as the tests start it), in the central schema as a real novbe-server's forwarder
# creates it; then the month-by-service report the situation room's history needs, timed beside
# the bare limit measured in the same run: one scan of the same rows that computes nothing.
#   - from `tickets` (the per-ticket projection): every ticket of the year is read;
#   - from `service_days` (the per-day figures kept by the trigger, docs/CENTRAL.md#schema),
#     filled here from those tickets, so the two reports must agree, which is checked.
# Goal (issue 15): under 2 s. Record the figures in bench/README.md with the command.
# NOVBE_SERVER: the server that creates the schema (default: the release build, else the dev one).
set -euo pipefail
per_day=${1:-1000}
centres=${2:-20}
days=${3:-365}
here=$(cd "$(dirname "$0")/.." && pwd)
server=${NOVBE_SERVER:-}
for candidate in "$here/build/release/server/app/novbe-server" "$here/build/dev/server/app/novbe-server"; do
    [ -n "$server" ] || { [ -x "$candidate" ] && server=$candidate; }
done
[ -x "$server" ] || { echo "no novbe-server built (set NOVBE_SERVER)" >&2; exit 2; }
. "$here/bench/pg_temp.sh"
folder=$pg_folder
server_pid=
finish() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    pg_remove
}
trap finish EXIT
pg_start
conn=$pg_conn
sql() { pg_sql "$@"; }

# The schema, as the first centre to connect creates it (server/forward/central_schema.cpp).
centre_dir="$folder/centre"
mkdir -p "$centre_dir"
{ cat "$here/deploy/demo/centre.toml"; printf '\n[central]\nconnection = "%s"\ncentre_id = "bench-0"\n' "$conn"; } >"$centre_dir/centre.toml"
"$server" run --config "$centre_dir/centre.toml" --listen 127.0.0.1:0 --data-dir "$centre_dir" \
    --web-root "$here/web" 2>"$centre_dir/server.log" &
server_pid=$!
for _ in $(seq 1 300); do
    [ "$(sql -c "SELECT coalesce(max(version), 0) FROM schema_version" 2>/dev/null || echo 0)" -ge 4 ] && break
    sleep 0.1
done
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
version=$(sql -c "SELECT max(version) FROM schema_version")
echo "central schema version $version (created by $server)"

# Generated days: the demo's seven services, busier in the morning; a few no-shows, cancels and
# ratings. Waits of 1 to 40 minutes; service of 3 to 15.
start_ns=$(date +%s%N)
sql <<SQL
INSERT INTO centres (centre_id, identity, claimed_at, forwarded_seq, forwarded_at)
    SELECT 'bench-' || c, md5(c::text), now(), 0, now() FROM generate_series(1, $centres) c;
INSERT INTO services (centre_id, service_id, prefix, target_wait_ms)
    SELECT 'bench-' || c, s.id, s.prefix, s.target FROM generate_series(1, $centres) c,
        (VALUES ('passport', 'A', 900000), ('id_card', 'B', 900000), ('civil_registry', 'C', 1200000),
                ('notary', 'D', 1200000), ('property', 'E', 1200000), ('utilities', 'F', 600000),
                ('driving_licence', 'G', 900000)) s(id, prefix, target);
INSERT INTO tickets (centre_id, day, ticket, service, current_service, sequence, issued_ms, estimated_wait_ms,
                     called_ms, counter, clerk, started_ms, ended_ms, state, rating)
SELECT centre, day, t, svc, svc, t, issued, 600000,
       CASE WHEN outcome < 97 THEN issued + wait END, 1 + (t % 8), 'clerk' || (t % 8),
       CASE WHEN outcome < 94 THEN issued + wait + 30000 END,
       CASE WHEN outcome < 94 THEN issued + wait + 30000 + 180000 + (t * 7919 % 720000) END,
       CASE WHEN outcome < 94 THEN 'done' WHEN outcome < 97 THEN 'no_show' ELSE 'cancelled' END,
       CASE WHEN outcome < 40 THEN 1 + (t * 31 % 5) END
FROM (
    SELECT 'bench-' || c AS centre, d::date AS day, t,
           (ARRAY['passport', 'id_card', 'civil_registry', 'notary', 'property', 'utilities',
                  'driving_licence'])[1 + (t * 13 + c) % 7] AS svc,
           (extract(epoch FROM d) * 1000)::bigint + 5 * 3600000 + t::bigint * (9 * 3600000 / $per_day) AS issued,
           60000 + (t * 104729 + c * 7) % 2340000 AS wait,
           (t * 37 + c * 11 + extract(doy FROM d)::int) % 100 AS outcome
    FROM generate_series(1, $centres) c,
         generate_series(date '2025-01-01', date '2025-01-01' + ($days - 1), interval '1 day') d,
         generate_series(1, $per_day) t
) g;
-- The per-day figures as the trigger keeps them, from the same tickets (no transfers here).
INSERT INTO service_days (centre_id, day, service, issued, called, served, no_shows, cancelled, within_target,
                          wait_sum_ms, wait_max_ms, ratings, rating_sum)
SELECT t.centre_id, t.day, t.service, count(*), count(t.called_ms), count(*) FILTER (WHERE t.state = 'done'),
       count(*) FILTER (WHERE t.state = 'no_show'), count(*) FILTER (WHERE t.state = 'cancelled'),
       count(*) FILTER (WHERE t.wait_ms <= s.target_wait_ms), coalesce(sum(t.wait_ms), 0), coalesce(max(t.wait_ms), 0),
       count(t.rating), coalesce(sum(t.rating), 0)
FROM tickets t JOIN services s ON s.centre_id = t.centre_id AND s.service_id = t.service
GROUP BY t.centre_id, t.day, t.service;
VACUUM ANALYZE tickets;
VACUUM ANALYZE service_days;
SQL
loaded_ns=$(date +%s%N)
rows=$(sql -c "SELECT count(*) FROM tickets")
day_rows=$(sql -c "SELECT count(*) FROM service_days")
size=$(sql -c "SELECT pg_size_pretty(pg_total_relation_size('tickets'))")
echo "generated $rows tickets ($centres centres x $days days x $per_day a day, $size) and $day_rows service-days in $(( (loaded_ns - start_ns) / 1000000000 )) s"

from_tickets="SELECT t.centre_id, date_trunc('month', t.day)::date AS month, t.service, count(*) AS issued,
    count(*) FILTER (WHERE t.state = 'done') AS served, count(*) FILTER (WHERE t.state = 'no_show') AS no_shows,
    count(t.called_ms) AS called, coalesce(sum(t.wait_ms), 0) AS wait_sum_ms,
    count(*) FILTER (WHERE t.wait_ms <= s.target_wait_ms) AS within_target, count(t.rating) AS ratings
FROM tickets t JOIN services s ON s.centre_id = t.centre_id AND s.service_id = t.service
GROUP BY 1, 2, 3"
from_days="SELECT centre_id, date_trunc('month', day)::date AS month, service, sum(issued) AS issued,
    sum(served) AS served, sum(no_shows) AS no_shows, sum(called) AS called, sum(wait_sum_ms) AS wait_sum_ms,
    sum(within_target) AS within_target, sum(ratings) AS ratings
FROM service_days GROUP BY 1, 2, 3"
# The best of three runs of `query`, in milliseconds, its rows written to /dev/null by psql.
best_ms() {
    local best=
    for _ in 1 2 3; do
        local a b
        a=$(date +%s%N)
        sql -c "$1" >/dev/null
        b=$(date +%s%N)
        local ms=$(( (b - a) / 1000000 ))
        [ -z "$best" ] || [ "$ms" -lt "$best" ] && best=$ms
    done
    echo "$best"
}
bare_tickets=$(best_ms "SELECT count(*) FROM tickets")
report_tickets=$(best_ms "$from_tickets")
bare_days=$(best_ms "SELECT count(*) FROM service_days")
report_days=$(best_ms "$from_days")
groups=$(sql -c "SELECT count(*) FROM ($from_days) r")
differ=$(sql -c "SELECT count(*) FROM (($from_tickets) EXCEPT ($from_days)) d")
echo "month-by-service report, $groups rows (centre, month, service); best of 3 runs, psql's connection included:"
echo "  from tickets:      ${report_tickets} ms   (bare scan of the same rows: ${bare_tickets} ms)"
echo "  from service_days: ${report_days} ms   (bare scan of the same rows: ${bare_days} ms)"
echo "  rows that differ between the two: $differ"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$differ" = 0 ]
