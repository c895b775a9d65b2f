#!/usr/bin/env bash
# Sets up, analyses the bundled sample pages into the embedded SQLite store, and serves the web UI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
DB="${MARSAD_DB:-marsad.db}"
.venv/bin/marsad ingest samples/*.txt samples/*.html samples/*.xml samples/*.jsonl --db "$DB"
.venv/bin/marsad status --db "$DB"
PORT="${PORT:-8000}"
echo "Marsad is serving the sample pages at http://127.0.0.1:${PORT}/ (Ctrl-C to stop)"
exec .venv/bin/marsad serve --db "$DB" --port "$PORT"
