#!/usr/bin/env bash
# Installs the web pages' npm packages exactly as package-lock.json pins them, and copies the
# files the pages load into web/vendor/ (served by novbe-server; not committed).
# --with-tests also installs the browser tests' driver (playwright-core). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
omit=(--omit=dev)
[ "${1:-}" = "--with-tests" ] && omit=()
fresh() { [ -f "$1" ] && [ ! package-lock.json -nt "$1" ]; }
# A full install (with the tests' driver) also serves the runtime: asking for the runtime after
# it must not take the driver away (the demo asks for the runtime on a machine that runs tests).
full=node_modules/.novbe-installed
stamp=$full${omit[*]:+-runtime}
if ! fresh "$full" && ! fresh "$stamp"; then
    npm ci --no-audit --no-fund "${omit[@]}"
    touch "$stamp"
fi
mkdir -p web/vendor
cp node_modules/protobufjs/dist/protobuf.min.js web/vendor/protobuf.min.js
cp node_modules/qrcode-generator/dist/qrcode.mjs web/vendor/qrcode.mjs
