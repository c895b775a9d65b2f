"""A stand-in for ``marsad.analyze_path`` in store tests: reads a JSONL file of ready-made page records.

A line ``{"bad": "reason"}`` yields an ``InputError`` for that line, as the real analyser does for a unit
it cannot read; ``MARSAD_FAKE_DELAY`` (seconds) slows each page down so a test can kill a run mid-way.
"""

from __future__ import annotations

import json
import os
import time

from marsad.errors import InputError, MissingInputError
from marsad.records import page_from_dict


def analyze_path(path: str, **opts):
    delay = float(os.environ.get("MARSAD_FAKE_DELAY", "0"))
    if not os.path.exists(path):
        raise MissingInputError("no such file", source=path)
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            d = json.loads(line)
            if "bad" in d:
                yield InputError(d["bad"], source=f"{path}:{n}")
                continue
            if delay:
                time.sleep(delay)
            yield page_from_dict(d)


def write_jsonl(path, items) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it if isinstance(it, dict) else it.to_dict(), ensure_ascii=False) + "\n")
