"""Check that numpy inference (marsad.entities.neural) reproduces the torch network of train_bilstm.py.

Usage (training venv, torch installed):
    python tools/ner/check_numpy.py --npz DIR/neural.npz [--sentences 50]
Builds the torch model from the exported arrays, runs both on the first N dev-slice sentences (batched), and
prints the largest absolute difference of emissions and of CRF marginals, and whether the Viterbi labels agree.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from marsad.entities.conll import read_conll  # noqa: E402
from marsad.entities.features import FLAGS, Featurizer  # noqa: E402
from marsad.entities.neural import NeuralTagger, word_keys  # noqa: E402
from marsad.entities.train import TRAIN_FILE, dev_split  # noqa: E402
from train_bilstm import Model  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--npz", type=Path, required=True)
    ap.add_argument("--sentences", type=int, default=50)
    a = ap.parse_args()
    torch.set_num_threads(1)
    z = dict(np.load(a.npz))
    net = NeuralTagger(z, FLAGS)
    sd = {k.replace("__", "."): torch.tensor(v.astype(np.float32)) for k, v in z.items()
          if k not in ("words", "chars", "meta")}
    model = Model(sd["emb.weight"].numpy(), sd["cemb.weight"].shape[0], hidden=net.H)
    model.load_state_dict(sd)
    model.eval()
    fz = Featurizer.load()
    _, dev = dev_split(read_conll(a.data / TRAIN_FILE))
    sents = [[t for t, _ in s] for s in dev[: a.sentences]]
    flags = [fz.flags(s) for s in sents]
    ems = net.emissions(sents, flags)
    # torch side, one sentence at a time (no padding effects)
    worst = 0.0
    agree = 0
    for s, fl, em in zip(sents, flags, ems):
        wi, ci = [], []
        for t in s:
            keys = word_keys(t)
            wi.append(next((net.w2i[k] for k in keys if k in net.w2i), 1))
            ci.append([net.c2i.get(ch, 1) for ch in keys[0][:20]] or [1])
        C = max(len(c) for c in ci) + 2
        w = torch.tensor([wi])
        c = torch.zeros(1, len(s), C, dtype=torch.long)
        for i, cc in enumerate(ci):
            c[0, i, :len(cc)] = torch.tensor(cc)
        f = torch.zeros(1, len(s), len(FLAGS))
        for i, ff in enumerate(fl):
            f[0, i, ff] = 1.0
        with torch.no_grad():
            te = model.emissions(w, c, f)[0].numpy()
        worst = max(worst, float(np.abs(te - em).max()))
        agree += net.viterbi(te.astype(np.float64)) == net.viterbi(em)
    m = net.marginals(ems)
    print(f"sentences {len(sents)}  max |emission diff| {worst:.2e}  viterbi agree {agree}/{len(sents)}  "
          f"marginal rows sum to 1: {all(np.allclose(x.sum(1), 1) for x in m)}")


if __name__ == "__main__":
    main()
