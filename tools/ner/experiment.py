"""Dev-slice experiments: train on the first 90% of ANERcorp train, score the last 10%.

Usage: python tools/ner/experiment.py --res DIR [--c1 .05 --c2 .05 --iters 200] [--tag NAME] [--features N]
       [--model EXISTING.crfsuite]   (score a model already trained on the 90%, no training)
DIR holds the lexical tables. Appends one JSON line to WORK/experiments.jsonl with four dev figures:
``f1`` each sentence alone (its own document), ``f1_prop`` the same after propagation over runs of 20
sentences (``marsad.entities.propagate``), ``f1_win`` each 20-sentence run tagged as one document (feature set
6 reads it; earlier sets give ``f1`` again) and ``f1_win_prop`` that after propagation (the setting of
``marsad eval ner``'s document-level figure).
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
from marsad.entities.propagate import propagate  # noqa: E402
from marsad.entities.train import TRAIN_FILE, dev_split, doc_windows, fit_crf  # noqa: E402


def _figures(gold: list[list[str]], pred: list[list[str]]) -> dict:
    r = score(gold, pred)
    return {"f1": r["overall"]["f1"], "p": r["overall"]["precision"], "r": r["overall"]["recall"],
            "types": {k: v["f1"] for k, v in r["per_type"].items()}}


class DocVariant(Featurizer):
    """Feature set 6 with a subset of its document features (dev experiments only: ``--doc-cues``,
    ``--doc-no-neighbours``, ``--doc-no-count``, ``--doc-names-only``)."""

    keep: frozenset | None = None
    neighbours: bool = True
    count: bool = True
    names_only: bool = False

    def doc_cues(self, infos, matches):
        res = super().doc_cues(infos, matches)
        if self.names_only:  # only words the self-trained lexicon does not call plain O (or does not know)
            res = [[None if x is None or i[9] == "O" else x for x, i in zip(s, inf)] for s, inf in zip(res, infos)]
        if self.keep is None:
            return res
        return [[None if x is None else (tuple(c for c in x[0] if c.split("=")[0] in self.keep), x[1]) for x in s]
                for s in res]

    def doc_features(self, infos, matches):
        res = super().doc_features(infos, matches)
        if self.neighbours and self.count:
            return res
        drop = (() if self.neighbours else ("-1d", "1d")) + (() if self.count else ("dn=",))
        return [[[f for f in t if not f.startswith(drop)] for t in s] for s in res]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--res", type=Path, required=True)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iters", type=int, default=200)
    ap.add_argument("--tag", default="")
    ap.add_argument("--features", type=int, default=1)
    ap.add_argument("--model", type=Path, help="score this model instead of training one")
    ap.add_argument("--work", type=Path, default=Path("/work/ner_work"))
    ap.add_argument("--doc-cues", help="feature set 6: keep only these cue kinds, e.g. ti,oh,lc,sp (g, ph, kp)")
    ap.add_argument("--doc-no-neighbours", action="store_true", help="feature set 6: no ±1 document features")
    ap.add_argument("--doc-no-count", action="store_true", help="feature set 6: no mention-count feature")
    ap.add_argument("--doc-names-only", action="store_true",
                    help="feature set 6: document features only on words selflex.tsv does not type as O")
    a = ap.parse_args()
    import pycrfsuite
    fz = DocVariant.load(a.res, version=a.features)
    fz.keep = frozenset(a.doc_cues.split(",")) if a.doc_cues else None
    fz.neighbours, fz.count = not a.doc_no_neighbours, not a.doc_no_count
    fz.names_only = a.doc_names_only
    tr, dev = dev_split(read_conll(a.data / TRAIN_FILE))
    t0 = time.time()
    mp = a.model or a.work / f"exp_{a.tag or 'x'}.crfsuite"
    if not a.model:
        fit_crf(tr, fz, mp, c1=a.c1, c2=a.c2, max_iterations=a.iters)
    secs = round(time.time() - t0)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(mp))
    toks = [[t for t, _ in s] for s in dev]
    gold = [[g for _, g in s] for s in dev]
    pred = [tagger.tag(fz.sentence(s)) for s in toks]
    win = [tagger.tag(f) for w in doc_windows(toks) for f in fz.document(w)]

    def spread(labels: list[list[str]]) -> list[list[str]]:
        return [x for w, p in zip(doc_windows(toks), doc_windows(labels)) for x in propagate(w, p)]

    sent, sent_p, wnd, wnd_p = (_figures(gold, p) for p in (pred, spread(pred), win, spread(win)))
    row = {"tag": a.tag, "features": a.features, "doc": [a.doc_cues, fz.neighbours, fz.count, fz.names_only], "c1": a.c1, "c2": a.c2, "iters": a.iters, "secs": secs,
           "model": str(mp), **sent, "f1_prop": sent_p["f1"], "f1_win": wnd["f1"], "f1_win_prop": wnd_p["f1"],
           "types_prop": sent_p["types"], "types_win": wnd["types"], "types_win_prop": wnd_p["types"],
           "pr_win_prop": [wnd_p["p"], wnd_p["r"]]}
    print(json.dumps(row), flush=True)
    with open(a.work / "experiments.jsonl", "a") as f:
        f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
