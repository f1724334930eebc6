#!/usr/bin/env bash
# Create .venv in the repository and install the pinned dependencies (and Debian's chromium and poppler-utils, which
# kaleido drives for chart images and the browser tests). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements="${1:-requirements.txt}"

if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
    sudo_cmd=""
    if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium poppler-utils >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -r "$requirements"
