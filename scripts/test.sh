#!/usr/bin/env bash
# The README's second command: what CI runs (.ci/run).
#   bash scripts/test.sh           everything: ruff, every test on the embedded store, the tests of the `store`
#                                  fixture once more on the shared store (DuckLake on PostgreSQL)
#   bash scripts/test.sh --quick   the engine, CLI and AppTest tests on the embedded store: no browser, no
#                                  PostgreSQL, nothing marked slow or serial (what to run after each change)
# It installs the test dependencies (Debian's chromium for the browser tests, postgresql for the shared store,
# haproxy for tests/test_serve.py's app processes behind the proxy) and starts a throwaway PostgreSQL on 127.0.0.1,
# removed on exit. Tests run side by side under pytest-xdist (RANPE_TEST_WORKERS, default 4: more workers than
# cores, as most of a browser test's time is spent waiting), then those marked serial one at a time.
# Other arguments go to every pytest run; RANPE_SKIP_LAKE_PASS=1 skips the shared-store pass.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=""
if [ "${1:-}" = "--quick" ]; then
    quick=1
    shift
fi
workers="${RANPE_TEST_WORKERS:-4}"

bash scripts/setup.sh requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .

if [ -n "$quick" ]; then
    exec .venv/bin/python -m pytest -p no:cacheprovider --durations=15 -n "$workers" \
        -m "not browser and not slow and not serial and not shared_store" "$@"
fi

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
queries_log="$(mktemp /tmp/ranpe-test-queries.XXXXXX)"
trap 'bash scripts/postgres.sh purge; rm -f "$queries_log"' EXIT
bash scripts/postgres.sh start >/dev/null

# A part that selects no test (exit 5: arguments that pick tests of the other part only) is no failure.
part() {
    local status=0
    .venv/bin/python -m pytest -p no:cacheprovider --durations=30 "$@" || status=$?
    if [ "$status" != 0 ] && [ "$status" != 5 ]; then exit "$status"; fi
}
check=()
if [ $# = 0 ]; then check=(--check-queries); fi  # every query file run, counted over both parts
part -n "$workers" -m "not serial" --queries-log="$queries_log" "$@"
part -m serial --queries-log="$queries_log" "${check[@]}" "$@"
if [ "${RANPE_SKIP_LAKE_PASS:-}" != "1" ]; then
    # The tests whose `store` fixture gives them the shared store (conftest deselects the others: they would run
    # the same code on the same data as above). One at a time: PostgreSQL and DuckLake keep both cores busy, and 4
    # workers were no faster on this 2-core machine.
    part --store=lake "$@" \
        tests/test_access.py tests/test_as_of.py tests/test_backup.py tests/test_checks.py tests/test_demo.py \
        tests/test_exports.py tests/test_hostile.py tests/test_ingest.py tests/test_ingest_formulas.py \
        tests/test_injection.py tests/test_obstacles.py tests/test_pack_periods.py tests/test_plan_periods.py \
        tests/test_template.py tests/test_workspace.py tests/test_lake.py tests/test_catalogue.py \
        tests/test_periods_groups.py tests/test_measure_counts.py tests/test_as_of_obstacles_checks.py \
        tests/test_users_store.py tests/test_catalogue_history.py tests/test_catalogue_as_of.py
fi
