"""CRF tagging CPU time on ANERcorp test sentences: FastCrf against the featurizer + pycrfsuite path.

Run from the project root: ``taskset -c 0 .venv/bin/python bench/fastcrf_bench.py [--runs 3]``.
Each run starts cold (featurizer word cache and FastCrf caches emptied) and tags every sentence, then tags them
all again warm. Prints the median over runs of us/token for labels (tag) and for marginals, and checks that
both paths give the same labels and marginals (within 1e-6).
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pycrfsuite
from _data import shared_data

from marsad.entities.conll import read_conll
from marsad.entities.fastcrf import FastCrf
from marsad.entities.features import Featurizer
from marsad.entities.gazetteers import RESOURCES


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    path = shared_data() / "ANERcorp-CamelLabSplits" / "ANERCorp_CamelLab_test.txt"
    sents = [[t for t, _ in s] for s in read_conll(path) if s]
    ntok = sum(map(len, sents))
    fz = Featurizer.load(RESOURCES)
    model = RESOURCES / "ner.crfsuite"
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    t = time.process_time()
    fast = FastCrf(model, fz)
    load = time.process_time() - t
    labels = fast.labels

    def old_tag():
        return [crf.tag(fz.sentence(s)) for s in sents]

    def old_marg():
        out = []
        for s in sents:
            crf.set(fz.sentence(s))
            out.append(np.array([[crf.marginal(lab, i) for lab in labels] for i in range(len(s))]))
        return out

    def new_tag():
        return [fast.viterbi(s) for s in sents]

    def new_marg():
        return [fast.marginals(s) for s in sents]

    times: dict[str, list[float]] = {}
    results = {}
    for _ in range(args.runs):
        for name, fn in (("pycrfsuite tag", old_tag), ("fastcrf viterbi", new_tag),
                         ("pycrfsuite marginals", old_marg), ("fastcrf marginals", new_marg)):
            fz._cache.clear()
            fast._reset_words()
            for phase in ("cold", "warm"):
                t = time.process_time()
                results[name] = fn()
                times.setdefault(f"{name} {phase}", []).append(time.process_time() - t)
    same = sum(a == b for a, b in zip(results["pycrfsuite tag"], results["fastcrf viterbi"]))
    diff = max(float(np.abs(a - b).max()) for a, b in zip(results["pycrfsuite marginals"],
                                                           results["fastcrf marginals"]))
    print(f"{len(sents)} sentences, {ntok} tokens (ANERcorp CAMeL test); FastCrf load {load:.2f} s CPU; "
          f"median of {args.runs} runs, CPU us/token (features included)")
    for k, v in times.items():
        print(f"  {k:28s} {1e6 * statistics.median(v) / ntok:7.1f}")
    print(f"  identical label sequences {same}/{len(sents)}; max |marginal difference| {diff:.1e}")


if __name__ == "__main__":
    main()
