"""Dev-slice experiments: train on the first 90% of ANERcorp train, score the last 10%.

Usage: python tools/ner/experiment.py --res DIR [--c1 .05 --c2 .05 --iters 200] [--tag NAME]
DIR holds gazetteer.tsv and clusters.tsv. Appends one JSON line to /work/ner_work/experiments.jsonl.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from marsad.entities.conll import read_conll, score  # noqa: E402
from marsad.entities.features import Featurizer  # noqa: E402
from marsad.entities.train import TRAIN_FILE, dev_split, fit_crf  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--res", type=Path, required=True)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iters", type=int, default=200)
    ap.add_argument("--tag", default="")
    ap.add_argument("--features", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path("/work/ner_work"))
    a = ap.parse_args()
    import pycrfsuite
    fz = Featurizer.load(a.res, version=a.features)
    tr, dev = dev_split(read_conll(a.data / TRAIN_FILE))
    t0 = time.time()
    mp = a.work / f"exp_{a.tag or 'x'}.crfsuite"
    fit_crf(tr, fz, mp, c1=a.c1, c2=a.c2, max_iterations=a.iters)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(mp))
    pred = [tagger.tag(fz.sentence([t for t, _ in s])) for s in dev]
    r = score([[g for _, g in s] for s in dev], pred)
    row = {"tag": a.tag, "features": a.features, "c1": a.c1, "c2": a.c2, "iters": a.iters, "secs": round(time.time() - t0),
           "f1": r["overall"]["f1"], "p": r["overall"]["precision"], "r": r["overall"]["recall"],
           "types": {k: v["f1"] for k, v in r["per_type"].items()}}
    print(json.dumps(row), flush=True)
    with open(a.work / "experiments.jsonl", "a") as f:
        f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
