#!/usr/bin/env bash
# A throwaway PostgreSQL for the shared store (DuckLake's catalog) in tests and CI:
#   scripts/postgres.sh start   initdb (first time) and start it on 127.0.0.1, database "lake"; prints the URL
#   scripts/postgres.sh url     the libpq connection string (host, port, user, dbname)
#   scripts/postgres.sh stop    stop it (the data directory stays until `purge`)
#   scripts/postgres.sh kill    stop it at once (pg_ctl -m immediate: as a crash; tests of faults)
#   scripts/postgres.sh purge   stop it and delete its data directory
# RANPE_PG_DIR (default /tmp/ranpe-pg) holds the data; RANPE_PG_PORT (default 54329) the port. As root, the
# server runs as the user "nobody" (PostgreSQL refuses root). lc_messages=C: DuckLake's retry logic reads
# PostgreSQL's English error texts.
set -euo pipefail

DIR="${RANPE_PG_DIR:-/tmp/ranpe-pg}"
PORT="${RANPE_PG_PORT:-54329}"
BIN="${RANPE_PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$BIN/pg_ctl" ]; then
    BIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | tail -n 1)")"
fi

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u nobody -- "$@"
    else
        "$@"
    fi
}

url() {
    local user
    user="$(stat -c %U "$DIR/data" 2>/dev/null || id -un)"
    echo "dbname=lake host=127.0.0.1 port=$PORT user=$user"
}

case "${1:-}" in
start)
    mkdir -p "$DIR"
    if [ "$(id -u)" = 0 ]; then chown nobody "$DIR"; fi
    if [ ! -s "$DIR/data/PG_VERSION" ]; then
        as_owner "$BIN/initdb" -D "$DIR/data" -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -o \
            "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$DIR -c lc_messages=C -c max_connections=200" \
            start >/dev/null
    fi
    as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -d postgres -tAc "select 1 from pg_database where datname = 'lake'" \
        | grep -q 1 || as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" lake
    url
    ;;
url) url ;;
stop)
    if [ -s "$DIR/data/PG_VERSION" ]; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    fi
    ;;
kill)
    # A crash of the server as a power cut would be one: no shutdown checkpoint, recovery on the next start.
    if [ -s "$DIR/data/PG_VERSION" ]; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    ;;
purge)
    "$0" stop
    rm -rf "$DIR"
    ;;
*)
    echo "usage: $0 start|stop|kill|url|purge" >&2
    exit 2
    ;;
esac
