"""Evaluate the transliterator against the naive letter map on held-out ANETAC pairs (same run).

``.venv/bin/python tools/actors/eval_translit.py [--shared DIR] [--split test]``
Prints exact match (case-insensitive) and character error rate (edit distance / reference length).
The model was trained on the ``train`` split only; ``dev`` and ``test`` are held out.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from marsad.actors.translit import naive, transliterate_word  # noqa: E402
from train_translit import load_pairs  # noqa: E402


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def score(system, pairs) -> tuple[float, float, float]:
    exact = errors = total = 0
    t0 = time.perf_counter()
    for ar, en in pairs:
        out = system(ar).lower()
        exact += out == en
        errors += edit_distance(out, en)
        total += len(en)
    return exact / len(pairs), errors / total, len(pairs) / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--split", default="test")
    args = ap.parse_args(argv)
    shared = Path(args.shared) if args.shared else ROOT.parent / "shared" / "data"
    pairs = load_pairs(shared, args.split)
    print(f"ANETAC {args.split}: {len(pairs)} held-out pairs")
    print(f"{'system':<12} {'exact':>7} {'CER':>7} {'words/s':>9}")
    for name, fn in (("naive-map", naive), ("marsad", transliterate_word)):
        em, cer, speed = score(fn, pairs)
        print(f"{name:<12} {em:7.3f} {cer:7.3f} {speed:9.0f}")
    for w in ("جلالي", "غروسي", "كاظم", "بزشكيان", "عراقجي"):
        print(f"  {w} → {transliterate_word(w)}  (naive {naive(w)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
