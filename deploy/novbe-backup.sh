#!/usr/bin/env bash
# novbe-backup.sh DATA_DIR BACKUP_DIR DAYS: an online backup of DATA_DIR's database into
# BACKUP_DIR/centre-YYYYmmdd-HHMM.db, then removes backups older than DAYS days.
# Restoring: stop the server, copy a backup over DATA_DIR/centre.db, start it (server/store/README.md).
set -euo pipefail
data=${1:?data dir}; to=${2:?backup dir}; days=${3:-14}
server=${NOVBE_SERVER:-/usr/local/bin/novbe-server}
mkdir -p "$to"
target="$to/centre-$(date +%Y%m%d-%H%M).db"
"$server" backup --data-dir "$data" --to "$target.partial"
mv "$target.partial" "$target"   # only a finished backup carries the .db name
find "$to" -name 'centre-*.db' -mtime +"$days" -delete
echo "novbe-backup: $target"
