#!/usr/bin/env bash
# deploy/novbe-backup.sh against a running novbe-server: a readable SQLite backup appears under a
# dated name, holds the tickets issued before it, and backups older than the kept days go.
set -euo pipefail
server=$1 kiosk=$2 source=$3
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
# Open all day, so that the kiosk is served whatever the hour the test runs at.
sed -e 's/^opening = .*/opening = "00:00"/' -e 's/^closing = .*/closing = "24:00"/' "$source/deploy/demo/centre.toml" > "$work/centre.toml"
"$server" run --config "$work/centre.toml" --listen 127.0.0.1:0 --data-dir "$work" 2> "$work/log" &
pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/log" && break; sleep 0.1; done
port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/log" | head -1)
[ -n "$port" ] || { echo "the server did not start"; cat "$work/log"; exit 1; }
"$kiosk" issue --service passport --server "127.0.0.1:$port" > /dev/null
mkdir -p "$work/backups"
touch -d '20 days ago' "$work/backups/centre-20000101-0000.db"
touch "$work/backups/centre-19990101-0000.db"  # recent by its time: kept
NOVBE_SERVER=$server "$source/deploy/novbe-backup.sh" "$work" "$work/backups" 14
made=$(ls "$work/backups"/centre-2*.db | grep -v 20000101 || true)
[ -n "$made" ] || { echo "no backup was made"; ls -l "$work/backups"; exit 1; }
[ "$(head -c 15 "$made")" = "SQLite format 3" ] || { echo "$made is not an SQLite file"; exit 1; }
[ ! -e "$work/backups/centre-20000101-0000.db" ] || { echo "an old backup was kept"; exit 1; }
[ -e "$work/backups/centre-19990101-0000.db" ] || { echo "a recent backup was removed"; exit 1; }
[ -z "$(ls "$work/backups"/*.partial 2>/dev/null)" ] || { echo "a partial backup was left"; exit 1; }
# The backup is a centre of its own: a server started on it has the ticket.
mkdir "$work/restored"
cp "$made" "$work/restored/centre.db"
"$server" run --config "$work/centre.toml" --listen 127.0.0.1:0 --data-dir "$work/restored" 2> "$work/restored.log" &
restored=$!
for _ in $(seq 100); do grep -q "listening on" "$work/restored.log" && break; sleep 0.1; done
kill $restored; wait $restored || true
grep -q "recovered .* up to event [1-9]" "$work/restored.log" || { echo "the restored backup has no events:"; cat "$work/restored.log"; exit 1; }
echo "backup script: ok ($made)"
