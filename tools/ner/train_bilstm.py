"""Train a BiLSTM-CNN-CRF entity tagger with torch (training extra) and export it to numpy.

Inputs per token: a word vector (initialised from the project's word2vec on unlabeled news), a character
CNN over the normalised token, and the binary lexical flags of ``Featurizer.flags`` (gazetteer, cue words,
shape). Trained on the first 90% of ANERcorp train; the epoch is chosen on the dev slice (last 10%).

Usage: OMP_NUM_THREADS=1 python tools/ner/train_bilstm.py --w2v W2V.model --out DIR [--seed 13] [--epochs 40]
       [--hidden 200] [--vocab 80000]   (the measured network; see marsad/resources/ner/MODEL_CARD.md)
Writes DIR/neural.npz (weights + vocabularies) and DIR/ckpt.pt (resumable checkpoint), logs to stdout.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from marsad.entities.conll import read_conll, score  # noqa: E402
from marsad.entities.features import FLAGS, Featurizer  # noqa: E402
from marsad.entities.neural import LABELS, word_keys  # noqa: E402
from marsad.entities.train import TRAIN_FILE, dev_split  # noqa: E402

L2I = {l: i for i, l in enumerate(LABELS)}


class Model(nn.Module):
    def __init__(self, emb: np.ndarray, n_chars: int, hidden: int = 128, char_dim: int = 25, char_filters: int = 50,
                 flag_dim: int = 16, dropout: float = 0.5, freeze: bool = True):
        super().__init__()
        self.emb = nn.Embedding.from_pretrained(torch.tensor(emb), freeze=freeze, padding_idx=0)
        self.cemb = nn.Embedding(n_chars, char_dim, padding_idx=0)
        self.conv = nn.Conv1d(char_dim, char_filters, 3, padding=1)
        self.flag = nn.Linear(len(FLAGS), flag_dim)
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(emb.shape[1] + char_filters + flag_dim, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, len(LABELS))
        self.trans = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
        self.start = nn.Parameter(torch.zeros(len(LABELS)))
        self.end = nn.Parameter(torch.zeros(len(LABELS)))

    def emissions(self, w, c, f):
        B, T, C = c.shape
        ce = self.cemb(c.view(B * T, C)).transpose(1, 2)  # (BT, dim, C)
        ch = torch.relu(self.conv(ce)).max(dim=2).values.view(B, T, -1)
        x = torch.cat([self.emb(w), ch, torch.tanh(self.flag(f))], dim=-1)
        h, _ = self.lstm(self.drop(x))
        return self.out(self.drop(h))

    def nll(self, em, y, mask):
        B, T, K = em.shape
        # gold score
        s = self.start[y[:, 0]] + (em.gather(2, y.unsqueeze(2)).squeeze(2) * mask).sum(1)
        s = s + (self.trans[y[:, :-1], y[:, 1:]] * mask[:, 1:]).sum(1)
        lengths = mask.sum(1).long()
        last = y.gather(1, (lengths - 1).unsqueeze(1)).squeeze(1)
        s = s + self.end[last]
        # partition
        a = self.start + em[:, 0]
        for t in range(1, T):
            nxt = torch.logsumexp(a.unsqueeze(2) + self.trans.unsqueeze(0), dim=1) + em[:, t]
            m = mask[:, t].unsqueeze(1)
            a = m * nxt + (1 - m) * a
        z = torch.logsumexp(a + self.end, dim=1)
        return (z - s).sum()


def viterbi(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    score_ = start + em[0]
    back = []
    for t in range(1, len(em)):
        cand = score_[:, None] + trans
        back.append(cand.argmax(0))
        score_ = cand.max(0) + em[t]
    score_ = score_ + end
    best = [int(score_.argmax())]
    for b in reversed(back):
        best.append(int(b[best[-1]]))
    return best[::-1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--w2v", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--res", type=Path, default=None, help="resources dir with gazetteer.tsv (default shipped)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--vocab", type=int, default=60000)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--emb-norm", type=float, default=1.0, help="rescale word vectors to this norm")
    ap.add_argument("--tune-emb", action="store_true", help="fine-tune word vectors (default frozen)")
    ap.add_argument("--full", action="store_true", help="train on all of train for --epochs (no dev)")
    ap.add_argument("--limit", type=int, default=0, help="debug: use only this many train sentences")
    a = ap.parse_args()
    torch.set_num_threads(1)
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)
    a.out.mkdir(parents=True, exist_ok=True)
    fz = Featurizer.load(a.res) if a.res else Featurizer.load()
    sents = read_conll(a.data / TRAIN_FILE)
    tr, dev = (sents, []) if a.full else dev_split(sents)
    if a.limit:
        tr, dev = tr[:a.limit], dev[:a.limit // 4]

    from gensim.models import KeyedVectors, Word2Vec
    wv: KeyedVectors = Word2Vec.load(str(a.w2v)).wv
    # Vocabulary: the most frequent news words plus every train-split word the word2vec model knows.
    # Embeddings stay frozen, so words never seen in training keep their unlabeled-news vectors.
    keep = set(wv.index_to_key[: a.vocab])
    for s in sents:
        for t, _ in s:
            keep.update(k for k in word_keys(t) if k in wv.key_to_index)
    words = ["<pad>", "<unk>"] + [w for w in wv.index_to_key if w in keep]
    w2i = {w: i for i, w in enumerate(words)}
    dim = wv.vector_size
    emb = np.zeros((len(words), dim), dtype=np.float32)
    for i, w in enumerate(words[2:], 2):
        emb[i] = wv[w]
    emb /= (np.linalg.norm(emb, axis=1, keepdims=True) + 1e-8)
    emb *= a.emb_norm
    chars = ["<pad>", "<unk>"] + sorted({ch for s in tr for t, _ in s for k in word_keys(t)[:1] for ch in k})
    c2i = {ch: i for i, ch in enumerate(chars)}

    def encode(s):
        toks = [t for t, _ in s]
        wi, ci = [], []
        for t in toks:
            keys = word_keys(t)
            idx = 1
            for k in keys:
                if k in w2i:
                    idx = w2i[k]
                    break
            wi.append(idx)
            ci.append([c2i.get(ch, 1) for ch in keys[0][:20]] or [1])
        fl = np.zeros((len(toks), len(FLAGS)), dtype=np.float32)
        for i, ff in enumerate(fz.flags(toks)):
            fl[i, ff] = 1.0
        return wi, ci, fl, [L2I.get(g, 0) for _, g in s]

    enc_tr = [encode(s) for s in tr]
    enc_dev = [encode(s) for s in dev]
    print("encoded", len(enc_tr), len(enc_dev), "unk rate",
          sum(x == 1 for e in enc_tr for x in e[0]) / sum(len(e[0]) for e in enc_tr), flush=True)

    def batchify(items):
        B = len(items)
        T = max(len(e[0]) for e in items)
        C = max(len(c) for e in items for c in e[1]) + 2  # >= 2 all-padding windows, as marsad.entities.neural assumes
        w = torch.zeros(B, T, dtype=torch.long)
        c = torch.zeros(B, T, C, dtype=torch.long)
        f = torch.zeros(B, T, len(FLAGS))
        y = torch.zeros(B, T, dtype=torch.long)
        m = torch.zeros(B, T)
        for b, (wi, ci, fl, yi) in enumerate(items):
            n = len(wi)
            w[b, :n] = torch.tensor(wi)
            for t, cc in enumerate(ci):
                c[b, t, :len(cc)] = torch.tensor(cc)
            f[b, :n] = torch.tensor(fl)
            y[b, :n] = torch.tensor(yi)
            m[b, :n] = 1
        return w, c, f, y, m

    model = Model(emb, len(chars), hidden=a.hidden, dropout=a.dropout, freeze=not a.tune_emb)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=a.lr)
    ckpt = a.out / "ckpt.pt"
    start_epoch, best, best_epoch = 0, -1.0, -1
    if ckpt.exists():
        st = torch.load(ckpt, weights_only=False)
        model.load_state_dict(st["model"])
        opt.load_state_dict(st["opt"])
        start_epoch, best, best_epoch = st["epoch"] + 1, st["best"], st["best_epoch"]
        print("resumed at epoch", start_epoch, flush=True)

    def export(path, epoch):
        sd = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
        np.savez_compressed(path, **{k.replace(".", "__"): v.astype(np.float16) if k == "emb.weight" else v
                                     for k, v in sd.items()},
                            words=np.array(words), chars=np.array(chars),
                            meta=np.array(json.dumps({"labels": LABELS, "flags": list(FLAGS), "hidden": a.hidden,
                                                      "epoch": epoch, "seed": a.seed, "full": a.full,
                                                      "dev_f1": best if enc_dev else None})))

    def predict(items):
        model.eval()
        out = []
        with torch.no_grad():
            for i in range(0, len(items), 64):
                chunk = items[i:i + 64]
                w, c, f, y, m = batchify(chunk)
                em = model.emissions(w, c, f).numpy()
                tr_ = model.trans.detach().numpy()
                st_, en_ = model.start.detach().numpy(), model.end.detach().numpy()
                for b, e in enumerate(chunk):
                    out.append([LABELS[k] for k in viterbi(em[b, :len(e[0])], tr_, st_, en_)])
        model.train()
        return out

    order = sorted(range(len(enc_tr)), key=lambda i: len(enc_tr[i][0]))
    for epoch in range(start_epoch, a.epochs):
        t0 = time.time()
        batches = [order[i:i + a.batch] for i in range(0, len(order), a.batch)]
        random.shuffle(batches)
        total = 0.0
        for bi in batches:
            w, c, f, y, m = batchify([enc_tr[i] for i in bi])
            loss = model.nll(model.emissions(w, c, f), y, m)
            opt.zero_grad()
            (loss / len(bi)).backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += loss.item()
        msg = {"epoch": epoch, "loss": round(total, 1), "secs": round(time.time() - t0)}
        if enc_dev:
            r = score([[g for _, g in s] for s in dev], predict(enc_dev))
            msg["dev_f1"] = r["overall"]["f1"]
            msg["types"] = {k: v["f1"] for k, v in r["per_type"].items()}
            if r["overall"]["f1"] > best:
                best, best_epoch = r["overall"]["f1"], epoch
                export(a.out / "neural.npz", epoch)
        else:
            export(a.out / "neural.npz", epoch)
        print(json.dumps(msg), flush=True)
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "epoch": epoch, "best": best,
                    "best_epoch": best_epoch}, ckpt)
    print(json.dumps({"best_dev_f1": best, "best_epoch": best_epoch}), flush=True)


if __name__ == "__main__":
    main()
