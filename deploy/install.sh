#!/usr/bin/env bash
# Installs Novbe on this Debian 12 machine as a service: builds the release binaries, copies
# them and the web pages under /usr/local, makes the `novbe` user, puts the example
# configuration in /etc/novbe (unless one is there) and enables the server and the backups.
# Run as root from the source folder. Then: edit /etc/novbe/centre.toml, add users with
# `novbe-server user add --config /etc/novbe/centre.toml --name NAME --role clerk|manager`,
# and `systemctl restart novbe-server`.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
deploy/web-deps.sh
cmake --preset release
cmake --build --preset release --target novbe-server novbe-kiosk novbe-counter
install -m 0755 build/release/server/app/novbe-server build/release/kiosk/novbe-kiosk build/release/counter/novbe-counter /usr/local/bin/
install -d /usr/local/share/novbe /usr/local/lib/novbe /usr/local/share/doc/novbe /etc/novbe
rm -rf /usr/local/share/novbe/web && cp -r web /usr/local/share/novbe/web
install -m 0755 deploy/novbe-backup.sh /usr/local/lib/novbe/
install -m 0644 README.md /usr/local/share/doc/novbe/
id novbe >/dev/null 2>&1 || useradd --system --home /var/lib/novbe --shell /usr/sbin/nologin novbe
install -d -o novbe -g novbe -m 0750 /var/backups/novbe
[ -f /etc/novbe/centre.toml ] || install -m 0640 -g novbe deploy/demo/centre.toml /etc/novbe/centre.toml
install -m 0644 deploy/systemd/novbe-server.service deploy/systemd/novbe-backup.service deploy/systemd/novbe-backup.timer /etc/systemd/system/
systemctl daemon-reload
systemctl enable --now novbe-server.service novbe-backup.timer
echo "Novbe is running on 127.0.0.1:8080; put deploy/nginx/novbe.conf in front of it for TLS."
