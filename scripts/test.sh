#!/usr/bin/env bash
# Install the test dependencies (and Debian's chromium for the browser tests) and run the whole suite:
# ruff lint and format check, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest "$@"
