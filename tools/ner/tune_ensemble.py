"""Tune the CRF + neural ensemble on the dev slice (last 10% of ANERcorp train), never on test.

Both models must be trained on the first 90% of train only (``tools/ner/experiment.py`` for the CRF,
``tools/ner/train_bilstm.py`` without ``--full`` for the network). For each neural weight ``w`` and O-label
penalty ``b`` the per-token marginals are mixed, ``p = (1 - w) * p_crf + w * p_nn``, and decoded with a
BIO-constrained Viterbi over ``log p`` (``--`` or the log-linear mix ``(1 - w) log p_crf + w log p_nn``) (``log p(O) - b``); scores are sentence level and after document
propagation over 20-sentence windows, as in ``marsad.entities.evaluate``.

Usage: python tools/ner/tune_ensemble.py --crf DEV.crfsuite --res RESDIR --neural neural.npz [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from marsad.entities.conll import read_conll, score  # noqa: E402
from marsad.entities.evaluate import DOC_WINDOW  # noqa: E402
from marsad.entities.features import FLAGS, Featurizer  # noqa: E402
from marsad.entities.neural import NeuralTagger, bio_viterbi  # noqa: E402
from marsad.entities.propagate import propagate  # noqa: E402
from marsad.entities.train import TRAIN_FILE, dev_split  # noqa: E402


def crf_marginals(crf, feats: list[list[str]], labels: list[str]) -> np.ndarray:
    crf.set(feats)
    return np.array([[crf.marginal(lab, t) for lab in labels] for t in range(len(feats))])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--crf", type=Path, required=True)
    ap.add_argument("--res", type=Path, required=True, help="dir with the CRF's tables and meta.json")
    ap.add_argument("--features", type=int, default=None)
    ap.add_argument("--neural", type=Path, nargs="+", required=True)
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args()
    import pycrfsuite

    fz = Featurizer.load(a.res, version=a.features)
    crf = pycrfsuite.Tagger()
    crf.open(str(a.crf))
    _, dev = dev_split(read_conll(a.data / TRAIN_FILE))
    toks = [[t for t, _ in s] for s in dev]
    gold = [[g for _, g in s] for s in dev]
    nets = [NeuralTagger.load(p, FLAGS) for p in a.neural]
    labels = nets[0].labels
    pc = [crf_marginals(crf, fz.sentence(s), labels) for s in toks]
    flags = [fz.flags(s) for s in toks]
    pn = None
    for net in nets:
        order = sorted(range(len(toks)), key=lambda i: len(toks[i]))
        m: list = [None] * len(toks)
        for k in range(0, len(order), 32):
            idx = order[k:k + 32]
            for i, mm in zip(idx, net.marginals(net.emissions([toks[i] for i in idx], [flags[i] for i in idx]))):
                m[i] = mm
        pn = m if pn is None else [x + y for x, y in zip(pn, m)]
    pn = [x / len(nets) for x in pn]
    o = labels.index("O")
    rows = []
    grid = [(mix, w, b) for mix in ("linear", "log") for w in [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0]
            for b in [0.0, 0.5, 1.0, 1.5, 2.0]]
    for mix, w, b in grid:
        if mix == "log" and w in (0.0, 1.0):
            continue
        if True:
            logp = []
            for x, y in zip(pc, pn):
                if mix == "linear":
                    lp = np.log((1 - w) * x + w * y + 1e-12)
                else:
                    lp = (1 - w) * np.log(x + 1e-12) + w * np.log(y + 1e-12)
                lp[:, o] -= b
                logp.append(lp)
            pred = bio_viterbi(logp, labels)
            r = score(gold, pred)
            doc = [lab for i in range(0, len(toks), DOC_WINDOW)
                   for lab in propagate(toks[i:i + DOC_WINDOW], pred[i:i + DOC_WINDOW])]
            d = score(gold, doc)
            row = {"mix": mix, "w": w, "o_bias": b, "f1": r["overall"]["f1"], "p": r["overall"]["precision"],
                   "r": r["overall"]["recall"], "doc_f1": d["overall"]["f1"], "doc_p": d["overall"]["precision"],
                   "doc_r": d["overall"]["recall"], "types": {k: v["f1"] for k, v in r["per_type"].items()}}
            rows.append(row)
            print(json.dumps(row), flush=True)
    best = max(rows, key=lambda r: r["doc_f1"])
    print("best by doc_f1:", json.dumps(best))
    best_s = max(rows, key=lambda r: r["f1"])
    print("best by f1:", json.dumps(best_s))
    if a.json:
        a.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
