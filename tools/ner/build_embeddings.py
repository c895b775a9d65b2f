"""Train word2vec on unlabeled news (SaudiNewsNet + ANT + ANERcorp train text) and k-means it into clusters.

Training-time tool (needs gensim, scikit-learn, numpy). Writes into OUT:
  corpus.txt        normalised, tokenised text, one sentence-ish line per paragraph
  w2v.model         gensim model
  freq.tsv          word<TAB>count, most frequent first (for tools/ner/build_gazetteers.py)
  clusters.tsv      word<TAB>c64<TAB>c256<TAB>c1024 for the most frequent words

Usage: OMP_NUM_THREADS=1 python tools/ner/build_embeddings.py /work/shared/data OUT [--seed 13]
Resumable: each stage is skipped when its output exists.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from marsad.entities.analysis import norm  # noqa: E402

TOKEN = re.compile(r"[\w\u0600-\u06ff]+|[^\w\s]", re.UNICODE)


def lines(data: Path):
    for z in sorted((data / "SaudiNewsNet" / "dataset").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for art in json.load(io.TextIOWrapper(zf.open(name), encoding="utf-8")):
                    for para in ((art.get("title") or "") + "\n" + (art.get("content") or "")).split("\n"):
                        if para.strip():
                            yield para
    with open(data / "ANT-Corpus" / "antcorpus_v1.1.jsonl", encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            for para in ((art.get("title") or "") + "\n" + (art.get("text") or "")).split("\n"):
                if para.strip():
                    yield para
    sent: list[str] = []
    with open(data / "ANERcorp-CamelLabSplits" / "ANERCorp_CamelLab_train.txt", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if sent:
                    yield " ".join(sent)
                sent = []
            else:
                sent.append(parts[0])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--vocab", type=int, default=120000)
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    corpus = a.out / "corpus.txt"
    if not corpus.exists():
        tmp = corpus.with_suffix(".tmp")
        n = 0
        with open(tmp, "w", encoding="utf-8") as w:
            for para in lines(a.data):
                toks = [norm(t) for t in TOKEN.findall(para)]
                toks = [re.sub(r"\d", "0", t) for t in toks]
                if len(toks) >= 3:
                    w.write(" ".join(toks) + "\n")
                    n += len(toks)
        tmp.rename(corpus)
        print("corpus tokens", n, flush=True)
    fpath = a.out / "freq.tsv"
    if not fpath.exists():
        from collections import Counter
        cnt: Counter = Counter()
        with open(corpus, encoding="utf-8") as f:
            for line in f:
                cnt.update(line.split())
        with open(fpath, "w", encoding="utf-8") as w:
            for k, v in cnt.most_common(200000):
                w.write(f"{k}\t{v}\n")
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence
    mpath = a.out / "w2v.model"
    if not mpath.exists():
        m = Word2Vec(LineSentence(str(corpus)), vector_size=a.dim, window=5, min_count=3, sg=1, negative=5,
                     workers=1, epochs=a.epochs, seed=a.seed, sample=1e-4)
        m.save(str(mpath))
        print("w2v done", len(m.wv), flush=True)
    m = Word2Vec.load(str(mpath))
    cpath = a.out / "clusters.tsv"
    if not cpath.exists():
        import numpy as np
        from sklearn.cluster import MiniBatchKMeans
        words = m.wv.index_to_key[: a.vocab]
        X = np.stack([m.wv[w] for w in words])
        X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-8
        cols = []
        for k in (64, 256, 1024):
            km = MiniBatchKMeans(n_clusters=k, random_state=a.seed, batch_size=4096, n_init=3, max_iter=100)
            cols.append(km.fit_predict(X))
            print("kmeans", k, flush=True)
        with open(cpath, "w", encoding="utf-8") as w:
            for i, word in enumerate(words):
                w.write(f"{word}\t{cols[0][i]}\t{cols[1][i]}\t{cols[2][i]}\n")
    print("done", flush=True)


if __name__ == "__main__":
    main()
