"""Paired comparison of two CRF models on the dev slice (the last 10% of ANERcorp train sentences).

Usage: python tools/ner/paired_dev.py --base MODEL RES VERSION --new MODEL RES VERSION [--boot 1000] [--json OUT]

MODEL is a crfsuite file trained on the first 90% (``tools/ner/experiment.py``), RES the table folder it was
trained with and VERSION its feature set. Prints each model's dev table (sentence by sentence and after
document-level propagation over runs of 20 sentences, as ``marsad.entities.evaluate``) and the paired bootstrap
over dev sentences (the same resampled sentences for both models): mean F1 difference (new - base) and its 90%
interval, overall and per type.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from marsad.entities.conll import chunks, read_conll, score  # noqa: E402
from marsad.entities.evaluate import DOC_WINDOW  # noqa: E402
from marsad.entities.features import Featurizer  # noqa: E402
from marsad.entities.propagate import propagate  # noqa: E402
from marsad.entities.train import TRAIN_FILE, dev_split  # noqa: E402

TYPES = ("PERS", "LOC", "ORG", "MISC")


def tag(model: str, res: str, version: int, toks: list[list[str]]) -> list[list[str]]:
    import pycrfsuite

    fz = Featurizer.load(Path(res), version=version)
    t = pycrfsuite.Tagger()
    t.open(model)
    return [t.tag(fz.sentence(s)) for s in toks]


def counts(gold: list[list[str]], pred: list[list[str]]) -> list[dict[str, tuple[int, int, int]]]:
    """Per sentence, per type and overall (key ""): (correct, predicted, gold) chunk counts."""
    out = []
    for g, p in zip(gold, pred):
        gc, pc = chunks(g), chunks(p)
        row = {"": (len(gc & pc), len(pc), len(gc))}
        for t in TYPES:
            gt = {c for c in gc if c[2] == t}
            pt = {c for c in pc if c[2] == t}
            row[t] = (len(gt & pt), len(pt), len(gt))
        out.append(row)
    return out


def f1(rows: list[dict], idx, key: str) -> float:
    c = p = g = 0
    for i in idx:
        a, b, d = rows[i][key]
        c += a
        p += b
        g += d
    return 2 * c / (p + g) if p + g else 0.0


def table(name: str, r: dict) -> str:
    lines = [f"  {name}: F1 {r['overall']['f1']:.4f}  P {r['overall']['precision']:.4f}  "
             f"R {r['overall']['recall']:.4f}"]
    for t, m in sorted(r["per_type"].items()):
        lines.append(f"    {t:<5} P {m['precision']:.4f}  R {m['recall']:.4f}  F1 {m['f1']:.4f}  gold {m['gold']}"
                     f"  pred {m['predicted']}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--base", nargs=3, required=True)
    ap.add_argument("--new", nargs=3, required=True)
    ap.add_argument("--boot", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    _, dev = dev_split(read_conll(a.data / TRAIN_FILE))
    toks = [[t for t, _ in s] for s in dev]
    gold = [[g for _, g in s] for s in dev]
    out: dict = {"sentences": len(dev), "boot": a.boot}
    rows = {}
    for side, (model, res, ver) in (("base", a.base), ("new", a.new)):
        pred = tag(model, res, int(ver), toks)
        doc = [lab for i in range(0, len(toks), DOC_WINDOW)
               for lab in propagate(toks[i:i + DOC_WINDOW], pred[i:i + DOC_WINDOW])]
        for level, p in (("sentence", pred), ("propagated", doc)):
            r = score(gold, p)
            out[f"{side}_{level}"] = r
            print(table(f"{side} {level}", r), flush=True)
            rows[side, level] = counts(gold, p)
    rng = random.Random(a.seed)
    n = len(dev)
    samples = [[rng.randrange(n) for _ in range(n)] for _ in range(a.boot)]
    for level in ("sentence", "propagated"):
        for key in ("",) + TYPES:
            b, w = rows["base", level], rows["new", level]
            diffs = sorted(f1(w, s, key) - f1(b, s, key) for s in samples)
            mean = sum(diffs) / len(diffs)
            lo, hi = diffs[int(0.05 * len(diffs))], diffs[int(0.95 * len(diffs)) - 1]
            point = f1(w, range(n), key) - f1(b, range(n), key)
            out[f"diff_{level}_{key or 'overall'}"] = {"point": point, "mean": mean, "lo90": lo, "hi90": hi}
            print(f"{level:<10} {key or 'overall':<8} diff {point:+.4f}  boot mean {mean:+.4f}  "
                  f"90% [{lo:+.4f}, {hi:+.4f}]", flush=True)
    if a.json:
        a.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
