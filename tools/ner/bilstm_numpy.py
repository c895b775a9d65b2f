"""EXPERIMENTAL, NOT SHIPPED: numpy inference for the BiLSTM-CNN-CRF of tools/ner/train_bilstm.py.

torch is a training extra only: the exported ``neural.npz`` holds plain arrays (word and character
vocabularies, embeddings, a character CNN, one bidirectional LSTM layer, the output layer and CRF
transitions), and this module runs them with numpy.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from marsad.entities.analysis import norm, stem_candidates

LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
_DIGIT = re.compile(r"\d")


def word_keys(token: str) -> list[str]:
    """Vocabulary look-up keys for a token: its normalised form, then proclitic-stripped forms."""
    return stem_candidates(_DIGIT.sub("0", norm(token)))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class NeuralTagger:
    """A loaded BiLSTM-CNN-CRF; ``emissions`` and ``tag`` work on batches of token lists."""

    def __init__(self, path: str | Path, flagger):
        z = np.load(path, allow_pickle=False)
        g = {k.replace("__", "."): z[k] for k in z.files if k not in ("words", "chars", "meta")}
        self.meta = json.loads(str(z["meta"]))
        self.w2i = {w: i for i, w in enumerate(z["words"].tolist())}
        self.c2i = {c: i for i, c in enumerate(z["chars"].tolist())}
        self.emb = g["emb.weight"].astype(np.float32)
        self.cemb = g["cemb.weight"]
        cw = g["conv.weight"]  # (F, d, 3)
        self.conv_w = cw.transpose(2, 1, 0).reshape(-1, cw.shape[0])
        self.conv_b = g["conv.bias"]
        self.flag_w, self.flag_b = g["flag.weight"].T, g["flag.bias"]
        self.lstm = {}
        for d, suf in (("f", ""), ("b", "_reverse")):
            self.lstm[d] = (g[f"lstm.weight_ih_l0{suf}"].T, g[f"lstm.weight_hh_l0{suf}"].T,
                            g[f"lstm.bias_ih_l0{suf}"] + g[f"lstm.bias_hh_l0{suf}"])
        self.out_w, self.out_b = g["out.weight"].T, g["out.bias"]
        self.trans, self.start, self.end = g["trans"], g["start"], g["end"]
        self.flagger = flagger
        self.n_flags = len(self.meta["flags"])

    def _inputs(self, sents: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        toks = [t for s in sents for t in s]
        widx = np.empty(len(toks), dtype=np.int64)
        cidx = []
        for i, t in enumerate(toks):
            keys = word_keys(t)
            idx = 1
            for k in keys:
                j = self.w2i.get(k)
                if j is not None:
                    idx = j
                    break
            widx[i] = idx
            cidx.append([self.c2i.get(ch, 1) for ch in keys[0][:20]] or [1])
        W = max(len(c) for c in cidx) + 2
        C = np.zeros((len(toks), W + 2), dtype=np.int64)  # one zero column each side = conv padding
        for i, c in enumerate(cidx):
            C[i, 1:1 + len(c)] = c
        X = self.cemb[C]  # (N, W+2, d)
        win = np.concatenate([X[:, 0:W], X[:, 1:W + 1], X[:, 2:W + 2]], axis=2)
        ch = np.maximum(win @ self.conv_w + self.conv_b, 0).max(axis=1)
        fl = np.zeros((len(toks), self.n_flags), dtype=np.float32)
        k = 0
        for s in sents:
            for ff in self.flagger(s):
                fl[k, ff] = 1.0
                k += 1
        x = np.concatenate([self.emb[widx], ch, np.tanh(fl @ self.flag_w + self.flag_b)], axis=1)
        return x.astype(np.float32), np.array([len(s) for s in sents])

    def _run(self, x: np.ndarray, lengths: np.ndarray, d: str) -> np.ndarray:
        wih, whh, b = self.lstm[d]
        H = whh.shape[0]
        B, T = len(lengths), int(lengths.max())
        xs = np.zeros((B, T, x.shape[1]), dtype=np.float32)
        pos = 0
        for i, n in enumerate(lengths):
            seq = x[pos:pos + n]
            xs[i, :n] = seq if d == "f" else seq[::-1]
            pos += n
        pre = xs @ wih + b
        h = np.zeros((B, H), dtype=np.float32)
        c = np.zeros((B, H), dtype=np.float32)
        out = np.empty((B, T, H), dtype=np.float32)
        for t in range(T):
            z = pre[:, t] + h @ whh
            i_, f_, g_, o_ = _sigmoid(z[:, :H]), _sigmoid(z[:, H:2 * H]), np.tanh(z[:, 2 * H:3 * H]), \
                _sigmoid(z[:, 3 * H:])
            c = f_ * c + i_ * g_
            h = o_ * np.tanh(c)
            out[:, t] = h
        if d == "b":
            for i, n in enumerate(lengths):
                out[i, :n] = out[i, :n][::-1].copy()
        return out

    def emissions(self, sents: list[list[str]]) -> list[np.ndarray]:
        """Per-sentence emission score matrices ``(len, n_labels)``."""
        x, lengths = self._inputs(sents)
        h = np.concatenate([self._run(x, lengths, "f"), self._run(x, lengths, "b")], axis=2)
        e = h @ self.out_w + self.out_b
        return [e[i, :n] for i, n in enumerate(lengths)]

    def viterbi(self, em: np.ndarray) -> list[str]:
        score = self.start + em[0]
        back = []
        for t in range(1, len(em)):
            cand = score[:, None] + self.trans
            back.append(cand.argmax(0))
            score = cand.max(0) + em[t]
        best = [int((score + self.end).argmax())]
        for bk in reversed(back):
            best.append(int(bk[best[-1]]))
        return [LABELS[k] for k in best[::-1]]

    def tag_many(self, sents: list[list[str]], batch: int = 64) -> list[list[str]]:
        """BIO labels for each sentence; sentences are batched by length internally."""
        order = sorted(range(len(sents)), key=lambda i: len(sents[i]))
        out: list[list[str]] = [[] for _ in sents]
        for k in range(0, len(order), batch):
            idx = [i for i in order[k:k + batch] if sents[i]]
            if not idx:
                continue
            for i, em in zip(idx, self.emissions([sents[i] for i in idx])):
                out[i] = self.viterbi(em)
        return out
