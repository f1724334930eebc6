#!/usr/bin/env bash
# Start N app processes behind HAProxy on one address: scripts/serve.sh N [--port 8501] [--store ...].
# N > 1 needs the shared store (RANPE_STORE=ducklake:postgres:... and RANPE_LAKE_DATA, or --store). HAProxy comes
# from Debian's package (apt-get install -y haproxy). Ctrl-C stops every process. See the README, "Deploy on
# several machines".
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
    echo "usage: $0 N [python -m ranpe serve options]" >&2
    exit 2
fi
processes="$1"
shift
bash scripts/setup.sh
if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
    sudo_cmd=""
    if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq haproxy >/dev/null
fi
exec .venv/bin/python -m ranpe serve --processes "$processes" "$@"
