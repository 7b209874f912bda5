#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the center tests: loopback only, in a temporary directory, as an unprivileged
# user when run as root. Usage:
#   pg-cluster.sh start ENV_FILE   # writes MOTCUA_TEST_PG_HOST/PORT/DIR to ENV_FILE
#   pg-cluster.sh stop ENV_FILE    # stops the cluster and removes its directory
set -eu
cmd=$1
env_file=$2
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ]; then
    echo "pg-cluster: PostgreSQL server binaries not found (install postgresql)" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u nobody -- "$@"
    else
        "$@"
    fi
}

case "$cmd" in
start)
    dir=$(mktemp -d /tmp/motcua-pg-XXXXXX)
    chmod 755 "$dir"
    if [ "$(id -u)" = 0 ]; then chown nobody "$dir"; fi
    as_owner "$pg_bin/initdb" -D "$dir/data" -U motcua --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    # A free port on loopback: try a few at random.
    for attempt in 1 2 3 4 5 6 7 8; do
        port=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 20000 ))
        if as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
            as_owner "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U motcua motcua
            printf 'MOTCUA_TEST_PG_HOST=127.0.0.1\nMOTCUA_TEST_PG_PORT=%s\nMOTCUA_TEST_PG_DIR=%s\n' "$port" "$dir" >"$env_file"
            echo "pg-cluster: started on 127.0.0.1:$port in $dir"
            exit 0
        fi
    done
    cat "$dir/server.log" >&2
    exit 1
    ;;
stop)
    [ -f "$env_file" ] || exit 0
    dir=$(sed -n 's/^MOTCUA_TEST_PG_DIR=//p' "$env_file")
    if [ -n "$dir" ] && [ -d "$dir/data" ]; then
        as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
    fi
    case "$dir" in /tmp/motcua-pg-*) rm -rf "$dir" ;; esac
    rm -f "$env_file"
    echo "pg-cluster: stopped"
    ;;
*)
    echo "usage: pg-cluster.sh start|stop ENV_FILE" >&2
    exit 2
    ;;
esac
