#!/usr/bin/env bash
# Installs the Debian 12 packages that building and testing Novbe need, only those missing.
# Idempotent: a second run installs nothing. Runs apt-get as root (directly, or through sudo).
set -euo pipefail

packages=(
    cmake g++ make ccache pkg-config
    libboost1.81-dev          # Asio and Beast (1.81, not the default 1.74)
    libprotobuf-dev protobuf-compiler
    libsqlite3-dev
    libgtest-dev libgmock-dev
    libbenchmark-dev
    libtomlplusplus-dev       # the centre's configuration file
    libsodium-dev             # crypto_pwhash for clerks' and managers' secrets
    prometheus-cpp-dev        # /metrics: its core library's registry and text format
    libjemalloc-dev           # novbe-server's allocator outside sanitizer builds
    libpqxx-dev               # the forwarder to a central PostgreSQL (libpqxx 6.4; docs/CENTRAL.md)
    postgresql-15             # the tests start a real central PostgreSQL (initdb, pg_ctl)
    tzdata                    # the centre's time zone
    libqrencode-dev           # the QR code on printed tickets (novbe-kiosk)
    libzbar-dev               # tests read the printed QR code back
    nodejs                    # the web pages' npm packages and the browser tests (playwright-core)
    chromium                  # the browser the web pages are tested in
    python3-yaml python3-jsonschema  # net.booking_api_openapi checks the booking API's answers (docs/booking-api.yaml)
    espeak-ng                 # the speech the server renders for calls in languages a board has no voice for
    clang-14 libclang-rt-14-dev  # the fuzz preset: libFuzzer and clang's sanitizers (tests/fuzz)
)
command -v npm >/dev/null 2>&1 || packages+=(npm)  # nodejs from NodeSource carries its own npm

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
