"""Copy exported networks into a model directory; later networks are stored without their word vectors.

Networks trained by ``tools/ner/train_bilstm.py`` with the same ``--w2v`` and ``--vocab`` have the same frozen
word vectors, so only the first file keeps them (``NeuralTagger.load(..., base=first)`` borrows them).

Usage: python tools/ner/pack_networks.py OUT_DIR FIRST.npz [SECOND.npz ...]
Writes OUT_DIR/neural.npz, OUT_DIR/neural_2.npz, ... and prints the ``networks`` list for ``ensemble.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np


def main() -> None:
    out = Path(sys.argv[1])
    srcs = [Path(p) for p in sys.argv[2:]]
    names = []
    first = None
    for k, src in enumerate(srcs):
        with np.load(src, allow_pickle=False) as z:
            arrays = {n: z[n] for n in z.files}
        name = "neural.npz" if k == 0 else f"neural_{k + 1}.npz"
        if first is None:
            first = arrays
        else:
            if arrays["words"].tolist() != first["words"].tolist() or not np.array_equal(
                    arrays["emb__weight"], first["emb__weight"]):
                sys.exit(f"{src}: word vectors differ from {srcs[0]}; cannot share them")
            arrays = {n: v for n, v in arrays.items() if n not in ("words", "emb__weight")}
        np.savez_compressed(out / name, **arrays)
        names.append(name)
    print(json.dumps({"networks": names}))


if __name__ == "__main__":
    main()
