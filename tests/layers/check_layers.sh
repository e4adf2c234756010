#!/usr/bin/env bash
# The layers' arrows (core <- store <- net <- app), checked on the sources' #include lines:
#   server/core   the standard library and itself only (no Boost, SQLite, protobuf, other layers)
#   server/store  nothing of net, app, Beast/Asio or the wire protocol (novbe.pb.h)
#   server/net    nothing of app
#   server/forward  nothing of net, app, Beast/Asio or the wire protocol (it reads the store's log)
#   central/      novbe-central: itself, net's edge parts (edge, log, secret_hash, sign_in_limiter,
#                 drained_stream) and app's toml_screen only: nothing of core, store, forward or the wire
#   client/       nothing of the server
#   tools/sim     the engine, the TOML screen, and the store's codec, database, schema and
#                 event_log (--replay reads a centre's log through them, never parsing a blob
#                 itself; --log-to writes a new one through the server's own writer): nothing
#                 of net, app, Boost, or SQLite and protobuf directly
# Usage: check_layers.sh ROOT     exits 1 naming each offending FILE:LINE
#        check_layers.sh --self-test   plants a bad include in a scratch tree and expects a failure
set -u

check() {
    local root=$1 bad=0 file line text
    # Per folder: the included names it may use (empty: any), and those it may not (empty: none).
    local folders=(server/core server/store server/net client tools/sim server/forward central)
    local allowed=('^(<[a-z_]+>|"[a-z_]+\.hpp"|"core/[a-z_]+\.hpp")$' '' '' ''
                   '^(<[a-z_]+>|<toml\+\+/toml\.h>|"[a-z_]+\.hpp"|"(core/[a-z_]+|app/toml_screen|store/(codec|database|schema|event_log))\.hpp")$' ''
                   '^(<[a-z_0-9/.+]+>|"[a-z_]+\.hpp"|"central/[a-z_]+\.hpp"|"net/(edge|log|secret_hash|sign_in_limiter|drained_stream)\.hpp"|"app/toml_screen\.hpp")$')
    local forbidden=('' '^"(net|app)/|^<boost/(beast|asio)|^"novbe\.pb\.h"$|\.\./' '^"app/|\.\./'
                     '^"(core|store|net|app)/|\.\./' ''
                     '^"(net|app)/|^<boost/(beast|asio)|^"novbe\.pb\.h"$|\.\./' '')
    local i
    for i in "${!folders[@]}"; do
        local folder=${folders[i]} may=${allowed[i]} may_not=${forbidden[i]}
        [[ -d $root/$folder ]] || { echo "$root/$folder: missing"; bad=1; continue; }
        while IFS=: read -r file line text; do
            local name
            name=$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*//; s/[[:space:]]*(\/\/.*)?$//' <<<"$text")
            if [[ -n $may && ! $name =~ $may ]] || [[ -n $may_not && $name =~ $may_not ]]; then
                echo "$file:$line: $folder may not include $name"
                bad=1
            fi
        done < <(grep -rnE --include='*.hpp' --include='*.cpp' --include='*.h' '^[[:space:]]*#[[:space:]]*include' "$root/$folder")
    done
    return $bad
}

if [[ ${1:-} == --self-test ]]; then
    here=$(cd "$(dirname "$0")" && pwd)
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    mkdir -p "$scratch"/server/{core,store,net,forward} "$scratch"/client "$scratch"/tools/sim "$scratch"/central
    printf '#include <vector>\n#include "ticket.hpp"\n' >"$scratch/server/core/good.hpp"
    printf '#include <sqlite3.h>\n#include "core/centre.hpp"\n' >"$scratch/server/store/fine.cpp"
    check "$scratch" >/dev/null || { echo "self-test: a clean tree was refused"; exit 1; }
    printf '#include <map>\n#include <boost/asio/post.hpp>\n' >"$scratch/server/core/bad.cpp"
    printf '#include "app/config_file.hpp"\n' >"$scratch/server/net/bad.hpp"
    printf '#include "net/hub.hpp"\n' >"$scratch/server/store/bad.cpp"
    printf '#include "net/edge.hpp"\n#include "core/centre.hpp"\n' >"$scratch/central/bad.cpp"
    out=$(check "$scratch")
    grep -q 'server/core/bad.cpp:2: server/core may not include <boost/asio/post.hpp>' <<<"$out" &&
        grep -q 'server/net/bad.hpp:1: server/net may not include "app/config_file.hpp"' <<<"$out" &&
        grep -q 'server/store/bad.cpp:1: server/store may not include "net/hub.hpp"' <<<"$out" &&
        grep -q 'central/bad.cpp:2: central may not include "core/centre.hpp"' <<<"$out" &&
        ! grep -q 'central/bad.cpp:1:' <<<"$out" ||
        { echo "self-test: planted includes were not all reported:"; echo "$out"; exit 1; }
    "$here/check_layers.sh" "$scratch" >/dev/null && { echo "self-test: exit status 0 despite offences"; exit 1; }
    echo "self-test: planted includes reported"
    exit 0
fi

check "${1:?usage: check_layers.sh ROOT | --self-test}" && echo "layers: every arrow points the right way"
