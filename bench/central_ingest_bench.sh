#!/usr/bin/env bash
# central_ingest_bench.sh [CENTRES=1] [TICKETS=20000]: issue 15's ingest benchmark. A busy
# centre's day (bench/centre_hour.mjs over the server's own protocol: TICKETS tickets, each
# issued, called, started and completed; 20,000 is a busy day, about 80,000 events) is made once
# by a real novbe-server without [central]; its log is copied into CENTRES data folders, and
# CENTRES real novbe-servers (each its own centre_id) forward them at once into one temporary
# PostgreSQL 15 (bench/pg_temp.sh, fsync on). Printed: the forwarding rate from the first batch
# committed to the last centre caught up, and in the same run the bare limit: a COPY of the same
# rows into a table like `events` (its keys and indexes, no triggers), best of 3; and their ratio.
# Goal (issue 15): forwarding at least half the bare rate. It fails unless central holds every
# event once, with no gap, and every centre's tickets and service_days equal the first's.
# NOVBE_SERVER: the server (default: release, else dev); BATCH: [central] batch_events (1000).
set -euo pipefail
centres=${1:-1}
tickets=${2:-20000}
batch=${BATCH:-1000}
here=$(cd "$(dirname "$0")/.." && pwd)
server=${NOVBE_SERVER:-}
for candidate in "$here/build/release/server/app/novbe-server" "$here/build/dev/server/app/novbe-server"; do
    [ -n "$server" ] || { [ -x "$candidate" ] && server=$candidate; }
done
[ -x "$server" ] || { echo "no novbe-server built (set NOVBE_SERVER)" >&2; exit 2; }
. "$here/bench/pg_temp.sh"
pids=()
finish() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
    pg_remove
}
trap finish EXIT
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# start_server DIR: runs novbe-server on DIR/centre.toml, sets $port once it listens.
start_server() {
    "$server" run --config "$1/centre.toml" --listen 127.0.0.1:0 --data-dir "$1" --web-root "$here/web" 2>"$1/server.log" &
    pids+=($!)
    port=
    for _ in $(seq 1 300); do
        port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$1/server.log" | head -1)
        [ -n "$port" ] && return 0
        sleep 0.1
    done
    echo "the server did not start:" >&2; cat "$1/server.log" >&2; exit 1
}

# The day, made once: the demo centre, open all day, eight clerks, no [central].
day="$pg_folder/day"
mkdir -p "$day"
sed -e 's/^opening = .*/opening = "00:00"/' -e 's/^closing = .*/closing = "24:00"/' "$here/deploy/demo/centre.toml" >"$day/centre.toml"
secret=clerk-bench-secret-1
for c in 1 2 3 4 5 6 7 8; do
    echo "$secret" | "$server" user add --config "$day/centre.toml" --name "clerk$c" --role clerk >/dev/null
done
start_server "$day"
node --experimental-websocket --no-warnings "$here/bench/centre_hour.mjs" "$port" "$tickets" "$secret"
kill "${pids[0]}"; wait "${pids[0]}" || true; pids=()
last=$(sqlite3 "$day/centre.db" "SELECT max(seq) FROM events;")
echo "the day: $last events in its log"

# CENTRES copies of it, forwarding at once.
pg_start
for c in $(seq 1 "$centres"); do
    dir="$pg_folder/centre-$c"
    mkdir -p "$dir"
    sqlite3 "$day/centre.db" ".backup '$dir/centre.db'"
    cp "$day/centre.toml" "$dir/centre.toml"
    printf '\n[central]\nconnection = "%s"\ncentre_id = "ingest-%d"\nbatch_events = %d\n' "$pg_conn" "$c" "$batch" >>"$dir/centre.toml"
done
marks() { pg_sql -c "SELECT coalesce(sum(forwarded_seq), 0) || ' ' || count(*) FILTER (WHERE forwarded_seq >= $last) FROM centres" 2>/dev/null || echo "0 0"; }
for c in $(seq 1 "$centres"); do start_server "$pg_folder/centre-$c"; done
started=$(now_ms)
first=
while :; do
    read -r sum done_centres <<<"$(marks)"
    [ -z "$first" ] && [ "$sum" -gt 0 ] && { first=$(now_ms); first_sum=$sum; }
    [ "$done_centres" -ge "$centres" ] && break
    [ $(( $(now_ms) - started )) -gt 3600000 ] && { echo "not caught up in an hour" >&2; exit 1; }
    sleep 0.05
done
caught=$(now_ms)
for p in "${pids[@]}"; do kill "$p"; wait "$p" || true; done; pids=()
total=$(pg_sql -c "SELECT count(*) FROM events")
marked=$(pg_sql -c "SELECT sum(forwarded_seq) FROM centres")
gaps=$(pg_sql -c "SELECT count(*) FROM (SELECT seq - lag(seq) OVER (PARTITION BY centre_id ORDER BY seq) AS step FROM events) s WHERE step <> 1")
differ=$(pg_sql <<'SQL'
SELECT (SELECT count(*) FROM (SELECT day, ticket, service, current_service, state, called_ms, counter, clerk, started_ms, ended_ms, rating, transfers, recalls, joined_ms
                              FROM tickets t WHERE centre_id <> 'ingest-1'
                              EXCEPT SELECT day, ticket, service, current_service, state, called_ms, counter, clerk, started_ms, ended_ms, rating, transfers, recalls, joined_ms
                              FROM tickets WHERE centre_id = 'ingest-1') d)
     + (SELECT count(*) FROM (SELECT day, service, issued, transferred_in, called, served, no_shows, transferred_out, cancelled, closed_unserved, within_target, wait_sum_ms, wait_max_ms, ratings, rating_sum
                              FROM service_days WHERE centre_id <> 'ingest-1'
                              EXCEPT SELECT day, service, issued, transferred_in, called, served, no_shows, transferred_out, cancelled, closed_unserved, within_target, wait_sum_ms, wait_max_ms, ratings, rating_sum
                              FROM service_days WHERE centre_id = 'ingest-1') d)
SQL
)
done_tickets=$(pg_sql -c "SELECT count(*) FROM tickets WHERE centre_id = 'ingest-1' AND state = 'done'")
load_after_forwarding=$(cut -d' ' -f1-3 /proc/loadavg)

# The bare limit: the same rows COPY'd into a table like events (its keys, no triggers).
columns="centre_id, seq, day, at_ms, kind, fields, actor_role, actor"   # `at` is generated from at_ms
pg_sql -c "COPY (SELECT $columns FROM events ORDER BY centre_id, seq) TO '$pg_folder/events.copy'"
pg_sql -c "CREATE TABLE bare_events (LIKE events INCLUDING ALL)"
copy_ms=
for _ in 1 2 3; do
    pg_sql -c "TRUNCATE bare_events"
    pg_sql -c "CHECKPOINT"
    a=$(now_ms)
    pg_sql -c "COPY bare_events ($columns) FROM '$pg_folder/events.copy'"
    b=$(now_ms)
    ms=$(( b - a > 0 ? b - a : 1 ))
    [ -z "$copy_ms" ] || [ "$ms" -lt "$copy_ms" ] && copy_ms=$ms
done
drain_ms=$(( caught - first > 0 ? caught - first : 1 ))
forward_rate=$(( (marked - first_sum) * 1000 / drain_ms ))
copy_rate=$(( total * 1000 / copy_ms ))
echo "forwarding: $centres centre(s) of $last events, $(( marked - first_sum )) events from the first batch to the last caught up in $drain_ms ms = $forward_rate events/s (batches of $batch; the first batch $(( first - started )) ms after the servers started)"
echo "bare COPY of the same $total rows (best of 3): $copy_ms ms = $copy_rate rows/s"
echo "ratio: forwarding at $(( forward_rate * 1000 / copy_rate / 10 )).$(( forward_rate * 1000 / copy_rate % 10 )) % of the bare COPY (goal: 50 %)"
echo "central: $total events, marks sum $marked, $gaps gaps; tickets and service_days rows differing from ingest-1's: $differ; ingest-1's tickets done: $done_tickets"
echo "server: $server"
echo "load average after forwarding: $load_after_forwarding, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$gaps" = 0 ] && [ "$total" = "$marked" ] && [ "$differ" = 0 ] && [ "$done_tickets" -ge "$tickets" ]
