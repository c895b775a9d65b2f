"""Speed of the shipped entity tagger beside a BERT-base-sized token classifier, on the same sentences.

Usage:  OMP_NUM_THREADS=1 python bench/ner_bench.py [--sentences 300] [--data /work/shared/data] [--accurate]
        (--accurate: the CRF mixed with the fine-tuned e5 encoder instead of the fast CRF)

Speeds are tokens per CPU-second of this process (the machine may be shared; wall-clock figures are printed
too). Prints: start-up time (first load), tokens/s of the Marsad tagger on the first N ANERcorp test sentences
(one thread), the peak RSS of the process measured before the transformer is built, start-up in a new
process with and without the per-user cache of parsed resources (``marsad/cache.py``), tokens/s of a randomly
initialised 12-layer, 768-hidden transformer token classifier (torch, CPU, one thread; skipped with a message
when torch is absent) and their ratio. Quality is reported by ``marsad.entities.evaluate``.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    from marsad.entities.conll import read_conll
    from marsad.entities.evaluate import TEST_SETS, default_data_dir

    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=300)
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--accurate", action="store_true")
    a = ap.parse_args()
    sents = [[t for t, _ in s] for s in read_conll(a.data / TEST_SETS["anercorp_test"])[: a.sentences]]
    n_tok = sum(len(s) for s in sents)

    rss0 = peak_rss_mb()
    t0 = time.perf_counter()
    from marsad.entities.tagger import load_tagger
    tagger = load_tagger(accurate=a.accurate)
    tagger.tag_many(sents[:1])
    startup = time.perf_counter() - t0
    best, best_cpu, cpus = float("inf"), float("inf"), []
    for _ in range(a.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        tagger.tag_many(sents)
        best = min(best, time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
        best_cpu = min(best_cpu, cpus[-1])
    ours = n_tok / best_cpu
    # The first pass meets every word for the first time (featurizer and CRF word caches empty).
    print(f"first pass (cold word caches): {n_tok / cpus[0]:,.0f} tokens per CPU-second")
    rss = peak_rss_mb()
    print(f"sentences: {len(sents)}  tokens: {n_tok}")
    print(f"marsad tagger ({tagger.kind}): start-up {startup:.2f} s (wall), {ours:,.0f} tokens per CPU-second "
          f"({n_tok / best:,.0f} tokens/s wall), peak RSS {rss:.0f} MB (interpreter before load {rss0:.0f} MB)")

    # Start-up in a fresh interpreter, parsing the model's files (cache off) and then from the per-user cache
    # of parsed resources (marsad/cache.py), which the first of those runs fills when it is on.
    import subprocess

    probe = ("import time; t = time.perf_counter(); from marsad.entities.tagger import load_tagger; "
             f"load_tagger(accurate={a.accurate}).tag_many([['قال']]); print(time.perf_counter() - t)")
    root = str(Path(__file__).resolve().parents[1])
    for label, env in (("parsing the files", {"MARSAD_CACHE_DIR": "off"}), ("from the cache", {})):
        secs = []
        for _ in range(3):
            out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=root,
                                 env={**os.environ, **env, "PYTHONPATH": root})
            secs.append(float(out.stdout.strip() or "nan"))
        print(f"start-up in a new process, {label}: {sorted(secs)[1]:.2f} s (median of 3, wall)")

    try:
        import torch
    except ImportError:
        print("BERT-base peer: skipped (torch is not installed; `pip install torch` to compare)")
        return
    torch.set_num_threads(1)
    layer = torch.nn.TransformerEncoderLayer(768, 12, 3072, batch_first=True)
    enc = torch.nn.TransformerEncoder(layer, 12, enable_nested_tensor=False).eval()
    emb = torch.nn.Embedding(64000, 768)
    head = torch.nn.Linear(768, 9)
    # word pieces: Arabic BERT vocabularies split a news word into ~1.5 pieces on average
    lens = [max(1, int(len(s) * 1.5)) + 2 for s in sents]
    t0 = time.process_time()
    with torch.no_grad():
        for i in range(0, len(lens), 8):
            batch = lens[i:i + 8]
            T = min(512, max(batch))
            ids = torch.randint(0, 64000, (len(batch), T))
            mask = torch.arange(T)[None, :] >= torch.tensor(batch)[:, None]
            head(enc(emb(ids), src_key_padding_mask=mask))
    bert = n_tok / (time.process_time() - t0)
    print(f"BERT-base-sized classifier (random weights, 12x768, torch CPU, one thread): {bert:,.0f} tokens per "
          f"CPU-second")
    print(f"ratio marsad / BERT-base: {ours / bert:,.1f}x")


if __name__ == "__main__":
    main()
