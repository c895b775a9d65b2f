"""Dense embedding table for the CRF: word2vec vectors reduced by PCA, standardised and rounded.

Output rows: word TAB d space-separated values (one decimal), for the ``--vocab`` most frequent words of the
word2vec model (trained on unlabeled news by ``build_embeddings.py``). Statistics only, no text.
Usage: python tools/ner/build_embfeat.py W2V.model OUT.tsv [--dims 32 --vocab 40000]
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--dims", type=int, default=32)
    ap.add_argument("--vocab", type=int, default=40000)
    ap.add_argument("--scale", type=float, default=1.0, help="values are z-scores times this")
    a = ap.parse_args()
    import numpy as np
    from gensim.models import Word2Vec

    wv = Word2Vec.load(str(a.model)).wv
    words = wv.index_to_key[: a.vocab]
    X = np.asarray([wv[w] for w in words], dtype=np.float64)
    X -= X.mean(axis=0)
    _, _, vt = np.linalg.svd(X, full_matrices=False)
    Z = X @ vt[: a.dims].T
    Z = Z / Z.std(axis=0) * a.scale
    with open(a.out, "w", encoding="utf-8") as f:
        for w, z in zip(words, Z):
            f.write(w + "\t" + " ".join(f"{v:.1f}" for v in z) + "\n")


if __name__ == "__main__":
    main()
