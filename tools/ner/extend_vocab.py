"""Give an exported network every word of the word2vec model (its word vectors are frozen in training).

``train_bilstm.py`` keeps only the frequent news words plus the words of the training file; a word outside that
list gets the zero <unk> vector at run time although word2vec knows it. Because the vectors are frozen (the
same normalised word2vec rows in training and inference), the network can take any word2vec word without
retraining: this rewrites the ``words`` / ``emb__weight`` arrays with the whole word2vec vocabulary.

Usage: python tools/ner/extend_vocab.py IN.npz W2V.model OUT.npz [--emb-norm 1.0]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("src", type=Path)
    ap.add_argument("w2v", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--emb-norm", type=float, default=1.0)
    a = ap.parse_args()
    from gensim.models import Word2Vec

    wv = Word2Vec.load(str(a.w2v)).wv
    with np.load(a.src, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    words = ["<pad>", "<unk>"] + list(wv.index_to_key)
    emb = np.zeros((len(words), wv.vector_size), dtype=np.float32)
    emb[2:] = wv.vectors
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-8
    emb *= a.emb_norm
    emb = emb.astype(np.float16)
    # the rows the network was trained with must be unchanged
    old = {w: i for i, w in enumerate(arrays["words"].tolist())}
    new = {w: i for i, w in enumerate(words)}
    shared = [w for w in old if w in new and w not in ("<pad>", "<unk>")]
    assert np.array_equal(arrays["emb__weight"][[old[w] for w in shared]], emb[[new[w] for w in shared]])
    arrays["words"] = np.array(words)
    arrays["emb__weight"] = emb
    np.savez_compressed(a.out, **arrays)
    print(f"{len(old)} -> {len(words)} words; {a.out} {a.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
