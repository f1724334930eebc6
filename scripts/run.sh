#!/usr/bin/env bash
# Set up everything on a fresh machine and start the app on the embedded store (data/ranpe.duckdb, or
# $RANPE_DB). An empty store is filled with clearly marked demo data on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/streamlit run app.py "$@"
