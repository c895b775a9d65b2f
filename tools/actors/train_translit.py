"""Learn the transliteration context model from ANETAC training pairs (research data: only counts ship).

``.venv/bin/python tools/actors/train_translit.py [--shared DIR]`` writes
``marsad/resources/actors/translit.json``. Alignment: hard EM over monotonic alignments in which each Arabic
letter writes 0-4 Latin letters, seeded by the naive letter map; then every letter's Latin segment is counted
under contexts of growing width, and the most frequent segment of each context (seen at least twice) is kept.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.actors.translit import NAIVE, _letters, contexts  # noqa: E402

MAXSEG = 4


def load_pairs(shared: Path, split: str) -> list[tuple[str, str]]:
    d = shared / "ANETAC" / "EN-AR Translit"
    ar = (d / f"{split}.ar").read_text(encoding="utf-8").splitlines()
    en = (d / f"{split}.en").read_text(encoding="utf-8").splitlines()
    out = []
    for a, e in zip(ar, en):
        a, e = _letters(a.strip()), e.strip().lower()
        if a and e and e.isalpha() and " " not in a:
            out.append((a, e))
    return out


def seed_score(ch: str, seg: str) -> float:
    base = NAIVE.get(ch, "")
    if seg == base:
        return -0.5
    if base and seg.startswith(base):
        return -1.5 - 0.5 * (len(seg) - len(base))
    if base and base[0] in seg:
        return -3.0
    vowels = set("aeiouy")
    if seg and all(c in vowels for c in seg) and ch in "اوييىةأإآعءئؤه":
        return -2.0
    return -6.0 - len(seg)


def align(a: str, e: str, score) -> list[str] | None:
    n, m = len(a), len(e)
    best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n):
        row, nxt = best[i], best[i + 1]
        for j in range(m + 1):
            s = row[j]
            if s == -math.inf:
                continue
            for k in range(0, min(MAXSEG, m - j) + 1):
                v = s + score(a[i], e[j:j + k])
                if v > nxt[j + k]:
                    nxt[j + k] = v
                    back[i + 1][j + k] = k
    if best[n][m] == -math.inf:
        return None
    segs, j = [], m
    for i in range(n, 0, -1):
        k = back[i][j]
        segs.append(e[j - k:j])
        j -= k
    return segs[::-1]


def train(pairs: list[tuple[str, str]], *, em_pairs: int = 20000, iters: int = 2, seed: int = 0) -> dict:
    rnd = random.Random(seed)
    sample = rnd.sample(pairs, min(em_pairs, len(pairs)))
    score = seed_score
    for _ in range(iters):
        counts: dict[str, Counter] = defaultdict(Counter)
        for a, e in sample:
            segs = align(a, e, score)
            if segs:
                for ch, seg in zip(a, segs):
                    counts[ch][seg] += 1
        logp = {ch: {s: math.log(c / sum(cnt.values())) for s, c in cnt.items()} for ch, cnt in counts.items()}
        score = (lambda lp: (lambda ch, seg: lp.get(ch, {}).get(seg, -12.0 - len(seg))))(logp)
    ctx: dict[str, Counter] = defaultdict(Counter)
    for a, e in pairs:
        segs = align(a, e, score)
        if not segs:
            continue
        for i, seg in enumerate(segs):
            for key in contexts(a, i):
                ctx[key][seg] += 1
    rules = {}
    for key, cnt in ctx.items():
        seg, c = cnt.most_common(1)[0]
        if c >= 2:
            rules[key] = seg
    return {"rules": prune(rules)}


def _chain(key: str) -> list[str]:
    """The back-off keys decoding consults after ``key`` (the rest of its ``contexts`` list)."""
    i = key.index("[")
    left, c, right = key[:i], key[i + 1], key[i + 3:]
    p2, p1 = (left[0], left[1]) if len(left) == 2 else (None, left[:1] or None)
    n1, n2 = (right[:1] or None), (right[1:2] or None)
    full = []
    if p2 and n1 and n2:
        full.append(f"{p2}{p1}[{c}]{n1}{n2}")
    if p2 and n1:
        full.append(f"{p2}{p1}[{c}]{n1}")
    if p1 and n1 and n2:
        full.append(f"{p1}[{c}]{n1}{n2}")
    if p1 and n1:
        full.append(f"{p1}[{c}]{n1}")
    if p1:
        full.append(f"{p1}[{c}]")
    if n1:
        full.append(f"[{c}]{n1}")
    full.append(f"[{c}]")
    return full[full.index(key) + 1:] if key in full else full


def prune(rules: dict[str, str]) -> dict[str, str]:
    """Drop every rule whose back-off already writes the same segment (decoding is unchanged)."""
    kept: dict[str, str] = {}
    for key in sorted(rules, key=lambda k: len(k)):  # least specific first
        nxt = next((kept[k] for k in _chain(key) if k in kept), None)
        if nxt != rules[key]:
            kept[key] = rules[key]
    return kept


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=None)
    args = ap.parse_args(argv)
    shared = Path(args.shared) if args.shared else ROOT.parent / "shared" / "data"
    pairs = load_pairs(shared, "train")
    model = train(pairs)
    rules = model["rules"]
    model = {"about": "Arabic→Latin letter-in-context rules learned from ANETAC train split statistics; "
                      "see PROVENANCE.md", "rules": dict(sorted(rules.items()))}
    out = ROOT / "marsad" / "resources" / "actors" / "translit.json"
    out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(pairs)} training pairs, {len(rules)} rules, {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
