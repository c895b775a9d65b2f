"""Speed of two entity model directories side by side, alternated in one process (fair on a shared machine).

Usage:  OMP_NUM_THREADS=1 taskset -c 1 python bench/ner_ab.py MODEL_DIR_A MODEL_DIR_B [--rounds 9]

Per round and model: a fresh tagger (start-up CPU seconds: load plus one sentence), a first pass over the first
300 ANERcorp test sentences with empty word caches (cold) and a second pass (warm), in tokens per CPU-second.
Prints each list and its median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    from marsad.entities.conll import read_conll
    from marsad.entities.evaluate import TEST_SETS, default_data_dir
    from marsad.entities.tagger import NerTagger

    ap = argparse.ArgumentParser()
    ap.add_argument("models", nargs="+")
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--sentences", type=int, default=300)
    ap.add_argument("--data", type=Path, default=default_data_dir())
    a = ap.parse_args()
    sents = [[t for t, _ in s] for s in read_conll(a.data / TEST_SETS["anercorp_test"])[: a.sentences]]
    n = sum(map(len, sents))
    res: dict[str, tuple[list[float], list[float], list[float]]] = {m: ([], [], []) for m in a.models}
    for _ in range(a.rounds):
        for m in a.models:
            t = time.process_time()
            tagger = NerTagger.load(m)
            tagger.tag_many(sents[:1])
            res[m][2].append(time.process_time() - t)
            t = time.process_time()
            tagger.tag_many(sents)
            res[m][0].append(n / (time.process_time() - t))
            t = time.process_time()
            tagger.tag_many(sents)
            res[m][1].append(n / (time.process_time() - t))
    for m, (cold, warm, start) in res.items():
        print(f"{m}: cold {[round(x) for x in cold]} median {statistics.median(cold):,.0f}; warm "
              f"{[round(x) for x in warm]} median {statistics.median(warm):,.0f} tokens per CPU-second; "
              f"start-up median {statistics.median(start):.2f} CPU-s")


if __name__ == "__main__":
    main()
