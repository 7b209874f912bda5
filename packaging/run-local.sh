#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `make run`: the counter app on the embedded default — a local SQLite store with the demo catalog — next to a
# local provincial center (motcua-center's embedded default: SQLite in the MotCua data folder, plain HTTP on
# 127.0.0.1:8480). On the counter's first run the setup page offers enrollment with that center, code filled in;
# "Standalone" works too. The center stops when the counter window closes.
#   run-local.sh BIN_DIR [motcua ARGUMENTS...]
set -eu
bin=$1
shift
center="$bin/motcua-center"
counter="$bin/motcua"
cli="$bin/motcua-cli"
url=http://127.0.0.1:8480
unit=DEMO

"$center" init >/dev/null
if ! "$center" --json unit list | grep -q "\"$unit\""; then
    "$center" unit add "$unit" --name "Trung tâm Phục vụ hành chính công (trình diễn)" --agency 000.00.99.H49 >/dev/null
    # An officer of the demo unit, to sign in at an enrolled counter (officers come from the center).
    printf 'demo1234\n' | "$center" officer add demo --name "Cán bộ trình diễn" --unit "$unit" --role admin >/dev/null
    echo "run-local: local center ready; unit $unit, officer 'demo' (password demo1234)"
fi

"$center" serve >"${TMPDIR:-/tmp}/motcua-center-local.log" 2>&1 &
center_pid=$!
trap 'kill "$center_pid" 2>/dev/null || true; wait "$center_pid" 2>/dev/null || true' EXIT INT TERM
sleep 0.5
if ! kill -0 "$center_pid" 2>/dev/null; then
    echo "run-local: the local center did not start (is port 8480 in use?); see ${TMPDIR:-/tmp}/motcua-center-local.log" >&2
fi

# A counter that has no officers yet is on its first run: offer it a fresh enrollment code.
officers=$("$cli" --json status 2>/dev/null | tr -d ' \n' | sed -n 's/.*"officers":\([0-9]*\).*/\1/p')
if [ "${officers:-0}" = 0 ] && kill -0 "$center_pid" 2>/dev/null; then
    code=$("$center" --json counter add --unit "$unit" --name "Quầy trình diễn" | tr -d ' \n' |
        sed -n 's/.*"enrollment_code":"\([^"]*\)".*/\1/p')
    if [ -n "$code" ]; then
        echo "run-local: first run; enrollment with $url offered with code $code"
        "$counter" --center "$url" --enrollment-code "$code" "$@"
        exit $?
    fi
fi
"$counter" "$@"
