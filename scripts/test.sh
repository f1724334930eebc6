#!/usr/bin/env bash
# The README's second command: install the test dependencies (Debian's chromium for the browser tests, Debian's
# postgresql for the shared store, Debian's haproxy for tests/test_serve.py's app processes behind the proxy), start
# a throwaway PostgreSQL on 127.0.0.1 (removed on exit), then ruff lint and format check, every test on the embedded
# store, and the engine tests once more on the shared store (DuckLake on PostgreSQL: the store fixture's
# --store=lake; tests marked file_only are skipped there).
# Arguments go to the first pytest run; RANPE_SKIP_LAKE_PASS=1 skips the second.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements-dev.txt

missing=""
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then missing="$missing postgresql"; fi
if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then missing="$missing haproxy"; fi
if [ -n "$missing" ]; then
    sudo_cmd=""
    if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq $missing >/dev/null
fi
RANPE_PG_DIR="$(mktemp -d /tmp/ranpe-test-pg.XXXXXX)"
RANPE_PG_PORT="${RANPE_PG_PORT:-54331}"
export RANPE_PG_DIR RANPE_PG_PORT
trap 'bash scripts/postgres.sh purge' EXIT
bash scripts/postgres.sh start >/dev/null

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest "$@"
if [ "${RANPE_SKIP_LAKE_PASS:-}" != "1" ]; then
    .venv/bin/python -m pytest -p no:cacheprovider --store=lake \
        tests/test_access.py tests/test_as_of.py tests/test_backup.py tests/test_checks.py tests/test_demo.py \
        tests/test_exports.py tests/test_hostile.py tests/test_ingest.py tests/test_ingest_formulas.py \
        tests/test_injection.py tests/test_obstacles.py tests/test_pack_periods.py tests/test_plan_periods.py \
        tests/test_template.py tests/test_workspace.py tests/test_lake.py tests/test_catalogue.py \
        tests/test_periods_groups.py tests/test_measure_counts.py tests/test_as_of_obstacles_checks.py \
        tests/test_users_store.py tests/test_catalogue_history.py tests/test_catalogue_as_of.py
fi
