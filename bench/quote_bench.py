"""Quote stage speed (articles/s on one core) and quality, beside a naive regex peer measured in the same run.

    taskset -c 0 .venv/bin/python bench/quote_bench.py [--articles 3000] [--runs 3]

Speed: ``marsad.quotes.find_quotes`` alone (bodies built beforehand, no entities or dates) over SaudiNewsNet
and ANT articles. Quality: precision/recall on the gold set of ``eval/quotes`` (dev + test) for both.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.quotes import find_quotes  # noqa: E402
from marsad.quotes.evaluate import build_body, load_gold, shared_data  # noqa: E402
from marsad.quotes.lexicon import load  # noqa: E402
from marsad.records import Article  # noqa: E402

# The peer: what a quick script would do — quoted text between marks, and «قال/أكد … أن/إن …» to the full stop.
_PEER = re.compile(
    r"«([^»\n]+)»|\"([^\"\n]+)\"|“([^”\n]+)”"
    r"|(?:قال|أكد|أضاف|أوضح|أشار|صرح|أعلن)\S*\s[^.؟!\n]{0,80}?\s(?:أن|إن|أنّ|إنّ)\s+([^.؟!\n]+)")


def peer_quotes(body: str) -> list[tuple[int, int]]:
    out = []
    for m in _PEER.finditer(body):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        out.append((m.start(g), m.end(g)))
    return out


def sample(limit: int) -> list[Article]:
    data = shared_data()
    bodies: list[str] = []
    for z in sorted((data / "SaudiNewsNet" / "dataset").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            bodies += [build_body(a.get("content")) for a in json.loads(zf.read(zf.namelist()[0]))]
        if len(bodies) >= limit // 2:
            break
    bodies = bodies[: limit // 2]
    with open(data / "ANT-Corpus" / "antcorpus_v1.1.jsonl", encoding="utf-8") as f:
        for line in f:
            if len(bodies) >= limit:
                break
            bodies.append(build_body(json.loads(line).get("text")))
    return [Article(id=f"b{i}", role="main", title=None, body=b) for i, b in enumerate(bodies) if b]


def quality(spans_of) -> dict:
    n_sys = n_gold = matched = 0
    for split in ("dev", "test"):
        for art in load_gold(split):
            found = spans_of(art.body)
            n_sys += len(found)
            n_gold += len(art.quotes)
            used = set()
            for g in art.quotes:
                best, best_ov = None, 0
                for k, (s, e) in enumerate(found):
                    ov = max(0, min(e, g["end"]) - max(s, g["start"]))
                    if k not in used and ov > best_ov:
                        best, best_ov = k, ov
                if best is not None and best_ov >= 0.5 * (g["end"] - g["start"]):
                    used.add(best)
                    matched += 1
    return {"precision": round(matched / n_sys, 3) if n_sys else 1.0, "recall": round(matched / n_gold, 3)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    arts = sample(args.articles)
    chars = sum(len(a.body) for a in arts)
    load()  # the lexicon loads once, outside the timing
    find_quotes(arts[0])

    def run_marsad():
        return sum(len(find_quotes(a)) for a in arts)

    def run_peer():
        return sum(len(peer_quotes(a.body)) for a in arts)

    rows = []
    for name, fn in (("marsad.quotes", run_marsad), ("naive regex", run_peer)):
        wall, cpu = [], []
        for _ in range(args.runs):
            t0, c0 = time.perf_counter(), time.process_time()
            n = fn()
            wall.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        rows.append((name, len(arts) / statistics.median(wall), len(arts) / statistics.median(cpu), n))
    q_m = quality(lambda body: [(f.start, f.end) for f in find_quotes(
        Article(id="g", role="main", title=None, body=body))])
    q_p = quality(peer_quotes)
    print(f"{len(arts)} articles, {chars / len(arts):.0f} chars each on average, median of {args.runs} runs; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'system':<16}{'art/s wall':>12}{'art/s CPU':>11}{'quotes':>9}{'gold P':>9}{'gold R':>9}")
    for (name, wall, cpu, n), q in zip(rows, (q_m, q_p)):
        print(f"{name:<16}{wall:>12.0f}{cpu:>11.0f}{n:>9}{q['precision']:>9.3f}{q['recall']:>9.3f}")
    print("art/s CPU = articles / process CPU seconds: the one-core rate, not lowered by other processes")


if __name__ == "__main__":
    main()
