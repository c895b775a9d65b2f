"""Where the shared research data sets live: ``$MARSAD_SHARED_DATA``, else ``shared/data`` beside the
repository checkout. Only evaluations, training and tests read them; the runtime never does."""

from __future__ import annotations

import os
from pathlib import Path


def shared_data_dir() -> Path:
    env = os.environ.get("MARSAD_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"
