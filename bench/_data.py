"""Shared helpers for the benchmarks: where the shared data lives and how to read a corpus sample."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
import zipfile
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_data() -> Path:
    path = Path(os.environ.get("MARSAD_SHARED_DATA", ROOT.parent / "shared" / "data"))
    if not path.is_dir():
        sys.exit(f"shared data sets not found at {path} (set MARSAD_SHARED_DATA)")
    return path


def saudinewsnet(limit: int) -> list[dict]:
    """The first ``limit`` SaudiNewsNet articles, day files in date order."""
    out: list[dict] = []
    for zpath in sorted((shared_data() / "SaudiNewsNet" / "dataset").glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in sorted(z.namelist()):
                out.extend(json.loads(z.read(name)))
        if len(out) >= limit:
            break
    return out[:limit]


def as_text_page(article: dict) -> str:
    return f"{article.get('title') or ''}\n\n{article.get('content') or ''}"


def as_html_page(article: dict) -> str:
    paras = "".join(f"<p>{escape(p.strip())}</p>" for p in (article.get("content") or "").split("\n") if p.strip())
    title = escape(article.get("title") or "")
    return (f"<html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<header><nav><a href='/'>الرئيسية</a></nav></header><article><h1>{title}</h1>{paras}</article>"
            f"<footer>جميع الحقوق محفوظة</footer></body></html>")


def timed(fn, runs: int) -> tuple[float, list[float]]:
    """Median CPU seconds of ``runs`` calls of ``fn`` and every timing.

    CPU time of this process, not wall time: on a shared 2-core machine wall time mostly measures the
    neighbours. ``MARSAD_BENCH_WALL=1`` switches to wall time."""
    clock = time.perf_counter if os.environ.get("MARSAD_BENCH_WALL") else time.process_time
    times = []
    for _ in range(runs):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return statistics.median(times), times
