#!/usr/bin/env bash
# central_live_lag_bench.sh [CENTRES=20] [SECONDS=60]: issue 15's live-lag benchmark. CENTRES real
# novbe-servers forward to one temporary PostgreSQL 15 (bench/pg_temp.sh); novbe-central reads it
# live (LISTEN/NOTIFY); bench/situation_lag.mjs works every centre at a busy centre's rate and
# times each call from its durable CallNext reply to the situation room's /live message that
# counts it. Goal (issue 15): p99 under 1 s. NOVBE_SERVER and NOVBE_CENTRAL: the programs
# (default: the release build's, else the dev build's).
set -euo pipefail
count=${1:-20}
seconds=${2:-60}
here=$(cd "$(dirname "$0")/.." && pwd)
pick() {
    for candidate in "$here/build/release/$1" "$here/build/dev/$1"; do [ -x "$candidate" ] && { echo "$candidate"; return; }; done
}
server=${NOVBE_SERVER:-$(pick server/app/novbe-server)}
central=${NOVBE_CENTRAL:-$(pick central/novbe-central)}
[ -x "$server" ] && [ -x "$central" ] || { echo "novbe-server and novbe-central must be built" >&2; exit 2; }
. "$here/bench/pg_temp.sh"
pids=()
finish() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    pg_remove
}
trap finish EXIT
pg_start
port_of() {  # the port a program logged it listens on
    for _ in $(seq 1 600); do
        local p
        p=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$1" | head -1)
        [ -n "$p" ] && { echo "$p"; return; }
        sleep 0.1
    done
    echo "did not start: $1" >&2; cat "$1" >&2; exit 1
}

secret=clerk-bench-secret-1
ports=()
for k in $(seq 1 "$count"); do
    dir="$pg_folder/centre-$k"
    mkdir -p "$dir"
    sed -e 's/^opening = .*/opening = "00:00"/' -e 's/^closing = .*/closing = "24:00"/' "$here/deploy/demo/centre.toml" >"$dir/centre.toml"
    printf '\n[central]\nconnection = "%s"\ncentre_id = "lag-%d"\n' "$pg_conn" "$k" >>"$dir/centre.toml"
    echo "$secret" | "$server" user add --config "$dir/centre.toml" --name clerk1 --role clerk >/dev/null
    "$server" run --config "$dir/centre.toml" --listen 127.0.0.1:0 --data-dir "$dir" --web-root "$here/web" 2>"$dir/server.log" &
    pids+=($!)
done
for k in $(seq 1 "$count"); do ports+=("$(port_of "$pg_folder/centre-$k/server.log")"); done
for _ in $(seq 1 600); do
    [ "$(pg_sql -c "SELECT count(*) FROM centres WHERE forwarded_seq > 0" 2>/dev/null || echo 0)" -ge "$count" ] && break
    sleep 0.1
done

sed "s|^connection = .*|connection = \"$pg_conn\"|" "$here/deploy/demo/central.toml" >"$pg_folder/central.toml"
"$central" --config "$pg_folder/central.toml" --listen 127.0.0.1:0 --web-root "$here/web" 2>"$pg_folder/central.log" &
pids+=($!)
central_port=$(port_of "$pg_folder/central.log")
node --experimental-websocket --no-warnings "$here/bench/situation_lag.mjs" "$central_port" "$seconds" "$secret" "${ports[@]}"
echo "servers: $server, $central"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
