#!/usr/bin/env bash
# Sets up (if needed) and runs the whole test suite. Real-data tests read ../shared/data and skip without it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
