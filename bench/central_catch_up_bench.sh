#!/usr/bin/env bash
# central_catch_up_bench.sh [TICKETS=2222]: issue 15's catch-up benchmark. A centre forwards to a
# real PostgreSQL 15 (bench/pg_temp.sh); the database stops (the WAN is cut) while a busy hour
# is served at the centre (bench/centre_hour.mjs: 20,000 tickets a day over nine hours is 2,222
# an hour, each issued, called, started and completed); then the database starts again and the
# central high-water mark is read every 50 ms until it is the log's end. Printed: the events
# behind, the time to catch up from the restart (its first part is the forwarder's back-off, at
# most 10 s), the forwarding rate once under way, and beside it the bare limit measured in the
# same run: a COPY of the same rows into a table like `events` without its triggers (and, between
# the two, the same rows inserted through the triggers in one statement, without the forwarder).
# Goal (issue 15): catch-up under 60 s. NOVBE_SERVER: the server (default: release, else dev).
set -euo pipefail
tickets=${1:-2222}
here=$(cd "$(dirname "$0")/.." && pwd)
server=${NOVBE_SERVER:-}
for candidate in "$here/build/release/server/app/novbe-server" "$here/build/dev/server/app/novbe-server"; do
    [ -n "$server" ] || { [ -x "$candidate" ] && server=$candidate; }
done
[ -x "$server" ] || { echo "no novbe-server built (set NOVBE_SERVER)" >&2; exit 2; }
. "$here/bench/pg_temp.sh"
server_pid=
finish() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    pg_remove
}
trap finish EXIT
pg_start
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The demo centre, open all day, eight clerks, forwarding here.
centre="$pg_folder/centre"
mkdir -p "$centre"
sed -e 's/^opening = .*/opening = "00:00"/' -e 's/^closing = .*/closing = "24:00"/' "$here/deploy/demo/centre.toml" >"$centre/centre.toml"
printf '\n[central]\nconnection = "%s"\ncentre_id = "busy-1"\n' "$pg_conn" >>"$centre/centre.toml"
secret=clerk-bench-secret-1
for c in 1 2 3 4 5 6 7 8; do
    echo "$secret" | "$server" user add --config "$centre/centre.toml" --name "clerk$c" --role clerk >/dev/null
done
"$server" run --config "$centre/centre.toml" --listen 127.0.0.1:0 --data-dir "$centre" --web-root "$here/web" 2>"$centre/server.log" &
server_pid=$!
port=
for _ in $(seq 1 300); do
    port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$centre/server.log" | head -1)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start:" >&2; cat "$centre/server.log" >&2; exit 1; }
lag() { curl -s "http://127.0.0.1:$port/metrics" | sed -n 's/^novbe_central_lag_events \([0-9.e+]*\)$/\1/p' | awk '{ printf "%d", $1 }'; }
for _ in $(seq 1 300); do [ "$(lag)" = 0 ] && break; sleep 0.1; done   # the seed events are forwarded
[ "$(lag)" = 0 ] || { echo "forwarding did not start:" >&2; cat "$centre/server.log" >&2; exit 1; }

before=$(pg_sql -c "SELECT forwarded_seq FROM centres WHERE centre_id = 'busy-1'")
pg_stop   # the WAN is cut
node --experimental-websocket --no-warnings "$here/bench/centre_hour.mjs" "$port" "$tickets" "$secret"
# The log's end, as the centre's SQLite has it (the lag metric is stale while the forwarder backs off).
last=$(sqlite3 "$centre/centre.db" "PRAGMA busy_timeout = 5000; SELECT max(seq) FROM events;" | tail -1)
behind=$(( last - before ))
echo "events behind after the hour offline: $behind (central's mark $before, the log's end $last)"

pg_start
restarted=$(now_ms)
first=
while :; do
    mark=$(pg_sql -c "SELECT forwarded_seq FROM centres WHERE centre_id = 'busy-1'" 2>/dev/null || echo "$before")
    [ -z "$first" ] && [ "$mark" -gt "$before" ] && { first=$(now_ms); first_mark=$mark; }
    [ "$mark" -ge "$last" ] && break
    [ $(( $(now_ms) - restarted )) -gt 600000 ] && { echo "not caught up in 10 minutes" >&2; exit 1; }
    sleep 0.05
done
caught=$(now_ms)
first=${first:-$caught}; first_mark=${first_mark:-$before}
total=$(pg_sql -c "SELECT count(*) FROM events WHERE centre_id = 'busy-1'")
forwarded=$(pg_sql -c "SELECT forwarded_seq FROM centres WHERE centre_id = 'busy-1'")
gaps=$(pg_sql -c "SELECT count(*) FROM (SELECT seq - lag(seq) OVER (ORDER BY seq) AS step FROM events WHERE centre_id = 'busy-1') s WHERE step <> 1")

# The bare limit: the same rows, COPY'd into a table like events (its keys, no triggers).
columns="centre_id, seq, day, at_ms, kind, fields, actor_role, actor"   # `at` is generated from at_ms
pg_sql -c "COPY (SELECT $columns FROM events WHERE centre_id = 'busy-1') TO '$pg_folder/events.copy'"
pg_sql -c "CREATE TABLE bare_events (LIKE events INCLUDING ALL)"
copy_ms=
trigger_ms=
for k in 2 3 4; do   # best of three runs each
    pg_sql -c "TRUNCATE bare_events"
    a=$(now_ms)
    pg_sql -c "COPY bare_events ($columns) FROM '$pg_folder/events.copy'"
    b=$(now_ms)
    ms=$(( b - a > 0 ? b - a : 1 ))
    [ -z "$copy_ms" ] || [ "$ms" -lt "$copy_ms" ] && copy_ms=$ms
    # Between the two: the same rows in one statement into `events` for another centre with the
    # same set-up, so the projections' triggers run as for a batch, without the forwarder.
    pg_sql <<SQL
INSERT INTO centres (centre_id, identity) VALUES ('busy-$k', 'bench');
INSERT INTO services (centre_id, service_id, prefix, target_wait_ms)
    SELECT 'busy-$k', service_id, prefix, target_wait_ms FROM services WHERE centre_id = 'busy-1';
INSERT INTO counters (centre_id, counter, name) SELECT 'busy-$k', counter, name FROM counters WHERE centre_id = 'busy-1';
SQL
    a=$(now_ms)
    pg_sql -c "INSERT INTO events ($columns) SELECT 'busy-$k', seq, day, at_ms, kind, fields, actor_role, actor FROM bare_events ORDER BY seq"
    b=$(now_ms)
    ms=$(( b - a > 0 ? b - a : 1 ))
    [ -z "$trigger_ms" ] || [ "$ms" -lt "$trigger_ms" ] && trigger_ms=$ms
done
same=$(pg_sql -c "SELECT count(*) FROM ((SELECT day, ticket, service, state, wait_ms FROM tickets WHERE centre_id = 'busy-1') EXCEPT (SELECT day, ticket, service, state, wait_ms FROM tickets WHERE centre_id = 'busy-4')) d")
drain_ms=$(( caught - first > 0 ? caught - first : 1 ))
echo "caught up $(( (caught - restarted) )) ms after the database started (the first batch after $(( first - restarted )) ms of back-off)"
echo "forwarding once under way (after its first batch): $(( last - first_mark )) events in $drain_ms ms = $(( (last - first_mark) * 1000 / drain_ms )) events/s (batches of 1000, with the projections' triggers)"
echo "bare COPY of the same $total rows (best of 3): $copy_ms ms = $(( total * 1000 / copy_ms )) rows/s"
echo "the same rows in one INSERT through the projections' triggers (best of 3): $trigger_ms ms = $(( total * 1000 / trigger_ms )) rows/s (tickets differing from the forwarded ones: $same)"
echo "central: $total events, high-water mark $forwarded, $gaps gaps"
echo "server: $server"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$gaps" = 0 ] && [ "$total" = "$forwarded" ] && [ "$forwarded" = "$last" ] && [ "$same" = 0 ]
