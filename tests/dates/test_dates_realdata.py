"""Real data: ANT dateline round trip, metadata values of ANT and SaudiNewsNet, invariants on ANT bodies.

Skipped with a reason when ``shared/data`` is absent (see ``conftest.data_dir``).
"""

from __future__ import annotations

import json
import re
import time
import zipfile
from datetime import date

import pytest

from marsad.dates import lexicon, parse_date_value, parse_dateline, time_expressions

pytestmark = pytest.mark.slow
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _ant_rows(data_dir):
    path = data_dir / "ANT-Corpus" / "antcorpus_v1.1.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _expected_day(raw: str) -> date:
    """The article's own date, read independently of marsad: 'DD/MM/YYYY' or ISO-prefixed."""
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", raw)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return date.fromisoformat(raw[:10])


def _lines(day: date) -> list[str]:
    names = lexicon.cldr_month_names()
    forms = [f"{day.day} {names[loc]['format-wide'][day.month - 1]} {day.year}" for loc in ("ar", "ar-SY", "ar-TN")]
    forms.append(f"{day.year}/{day.month:02d}/{day.day:02d}")
    forms += [f.translate(ARABIC_INDIC) for f in forms]
    return forms + ["تاريخ النشر: " + f for f in forms]


def test_dates_realdata_ant_dateline_round_trip(data_dir):
    rows = _ant_rows(data_dir)
    total = good = 0
    misses = []
    for row in rows:
        day = _expected_day(row["time"])
        for line in _lines(day):
            total += 1
            got = parse_dateline(line)
            if got is not None and got.value[:10] == day.isoformat() and line[got.start:got.end] == got.text:
                good += 1
            elif len(misses) < 10:
                misses.append((line, got))
    rate = good / total
    print(f"\nANT dateline round trip: {good}/{total} = {rate:.4%} over {len(rows)} articles")
    assert rate >= 0.99, misses


def test_dates_realdata_ant_time_values(data_dir):
    rows = _ant_rows(data_dir)
    bad = []
    for row in rows:
        raw = row["time"]
        value = parse_date_value(raw)
        if value is None or value[:10] != _expected_day(raw).isoformat():
            bad.append((raw, value))
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}", raw) and value != raw:
            bad.append((raw, value))  # a full ISO date-time with offset comes back unchanged
    print(f"\nANT time values: {len(rows) - len(bad)}/{len(rows)}")
    assert bad == []


def test_dates_realdata_saudinewsnet_date_extracted(data_dir):
    path = data_dir / "SaudiNewsNet" / "dataset" / "2015-07-21.zip"
    if not path.exists():
        pytest.skip(f"{path} not found")
    with zipfile.ZipFile(path) as zf:
        rows = json.loads(zf.read(zf.namelist()[0]))
    bad = [(r["date_extracted"], parse_date_value(r["date_extracted"])) for r in rows
           if parse_date_value(r["date_extracted"]) != r["date_extracted"][:10]]
    print(f"\nSaudiNewsNet date_extracted: {len(rows) - len(bad)}/{len(rows)}")
    assert bad == []


def test_dates_realdata_ant_bodies_invariants_and_speed(data_dir):
    rows = _ant_rows(data_dir)[:2000]
    pubs = [parse_date_value(r["time"]) for r in rows]
    time_expressions("أمس", "2024-11-19")  # build the grammar outside the timing
    started = time.perf_counter()
    results = [time_expressions(r["text"] or "", p) for r, p in zip(rows, pubs)]
    elapsed = time.perf_counter() - started
    n = sum(len(x) for x in results)
    size = sum(len(r["text"] or "") for r in rows) / len(rows)
    print(f"\ntime_expressions: {len(rows) / elapsed:.0f} articles/s on {len(rows)} ANT bodies "
          f"(mean {size:.0f} chars), {n} expressions")
    for r, out in zip(rows, results):
        body = r["text"] or ""
        assert all(body[t.start:t.end] == t.text for t in out)
        assert all(a.end <= b.start for a, b in zip(out, out[1:]))
