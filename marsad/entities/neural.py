"""The neural half of the entity tagger: a BiLSTM-CNN-CRF run with numpy (no torch at run time).

``tools/ner/train_bilstm.py`` trains the network with torch (a training extra) and exports ``neural.npz``:
plain arrays for the word embeddings (word2vec learned by the project on unlabeled news, frozen), a character
CNN, the lexical flags of :meth:`marsad.entities.features.Featurizer.flags`, one bidirectional LSTM layer,
the output layer and the CRF transitions. This module runs them on batches of sentences: the sentences of a
document go through the LSTM together (one matrix product per time step for the whole batch and both
directions), and :func:`crf_marginals` turns emissions into per-token label probabilities for the ensemble
with the feature CRF (see :class:`marsad.entities.tagger.NerTagger`).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from marsad.entities.analysis import stem_candidates, word_form
from marsad.errors import MarsadError

#: Label order of the exported network (stored again in the file's meta; this is the default).
LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
#: Longest character prefix the character CNN reads (as in training).
MAX_CHARS = 20
_CACHE_MAX = 200_000


class NeuralModelError(MarsadError, ValueError):
    """``neural.npz`` is unreadable or does not describe a BiLSTM-CNN-CRF this module can run."""

    code = "M402"


def word_keys(token: str) -> list[str]:
    """Vocabulary look-up keys for a token: its normalised form (digits as 0), then proclitic-stripped forms."""
    return stem_candidates(word_form(token))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def _logsumexp(a: np.ndarray, axis: int) -> np.ndarray:
    m = a.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(a - m).sum(axis=axis, keepdims=True))).squeeze(axis)


class NeuralTagger:
    """A loaded BiLSTM-CNN-CRF.

    Args:
        arrays: the arrays of ``neural.npz`` (torch state-dict names with ``.`` written ``__``, plus ``words``,
            ``chars`` and a JSON ``meta``).
        flag_names: the names of the flag indices the caller's ``flags`` function returns (normally
            :data:`marsad.entities.features.FLAGS`); matched to the network's inputs by name.
    """

    #: The network reads the lexical flags of ``Featurizer.flags`` (the ensemble computes them for it).
    reads_flags = True

    def __init__(self, arrays: dict[str, np.ndarray], flag_names: tuple[str, ...] | list[str] = (),
                 base: "NeuralTagger | None" = None):
        try:
            g = {k.replace("__", "."): arrays[k] for k in arrays if k not in ("words", "chars", "meta")}
            self.meta = json.loads(str(arrays["meta"]))
            self.labels: list[str] = list(self.meta.get("labels", LABELS))
            f32 = np.float32
            if "emb.weight" not in g and base is not None:
                # a second network over the same frozen word vectors stores them once (in ``base``)
                self.w2i, self.emb = base.w2i, base.emb
            else:
                self.w2i = {w: i for i, w in enumerate(arrays["words"].tolist())}
                self.emb = g["emb.weight"].astype(f32)
            self.c2i = {c: i for i, c in enumerate(arrays["chars"].tolist())}
            self.cemb = g["cemb.weight"].astype(f32)
            cw = g["conv.weight"].astype(f32)  # (filters, char_dim, width 3)
            self.conv_w = np.ascontiguousarray(cw.transpose(2, 1, 0).reshape(-1, cw.shape[0]))
            self.conv_b = g["conv.bias"].astype(f32)
            self.flag_w, self.flag_b = g["flag.weight"].T.astype(f32), g["flag.bias"].astype(f32)
            H = g["lstm.weight_hh_l0"].shape[1]
            # torch gate order is i, f, g, o; reorder to i, f, o, g so one sigmoid covers the first 3H columns
            perm = np.r_[0:2 * H, 3 * H:4 * H, 2 * H:3 * H]
            wih, whh, bias = [], [], []
            for suf in ("", "_reverse"):
                wih.append(g[f"lstm.weight_ih_l0{suf}"].astype(f32)[perm].T)
                whh.append(g[f"lstm.weight_hh_l0{suf}"].astype(f32)[perm].T)
                bias.append((g[f"lstm.bias_ih_l0{suf}"] + g[f"lstm.bias_hh_l0{suf}"]).astype(f32)[perm])
            self.H = H
            self.wih = np.concatenate(wih, axis=1)  # (D, 8H): forward then backward input weights
            self.bias = np.concatenate(bias)
            self.whh = np.stack(whh)  # (2, H, 4H)
            self.out_w, self.out_b = g["out.weight"].T.astype(f32), g["out.bias"].astype(f32)
            self.trans = g["trans"].astype(np.float64)
            self.start = g["start"].astype(np.float64)
            self.end = g["end"].astype(np.float64)
        except KeyError as e:
            raise NeuralModelError(f"neural model lacks array {e}") from e
        model_flags = list(self.meta.get("flags", []))
        self.n_flags = self.flag_w.shape[0]
        # caller's flag index -> network input column (-1: the network does not know that flag)
        self.flag_map = np.array([model_flags.index(f) if f in model_flags else -1 for f in flag_names],
                                 dtype=np.int64)
        self._tok_cache: dict[str, np.ndarray] = {}

    @classmethod
    def load(cls, path: str | Path, flag_names: tuple[str, ...] | list[str] = (),
             base: "NeuralTagger | None" = None) -> "NeuralTagger":
        """Read ``neural.npz`` (a file without word vectors takes them from ``base``)."""
        try:
            with np.load(path, allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
        except (OSError, ValueError) as e:
            raise NeuralModelError(f"cannot read neural model {path}: {e}") from e
        return cls(arrays, flag_names, base)

    # -- inputs -------------------------------------------------------------------------------------------

    def _token_vectors(self, toks: list[str]) -> np.ndarray:
        """Word vector + character-CNN features of each token (``(N, dim + filters)``), cached by token."""
        cache = self._tok_cache
        todo = [t for t in dict.fromkeys(toks) if t not in cache]
        if todo:
            if len(cache) + len(todo) > _CACHE_MAX:
                cache.clear()
            widx = np.ones(len(todo), dtype=np.int64)
            cidx = []
            for i, t in enumerate(todo):
                keys = word_keys(t)
                for k in keys:
                    j = self.w2i.get(k)
                    if j is not None:
                        widx[i] = j
                        break
                cidx.append([self.c2i.get(ch, 1) for ch in keys[0][:MAX_CHARS]] or [1])
            W = max(len(c) for c in cidx) + 2  # at least two all-padding windows, as in training
            C = np.zeros((len(todo), W + 2), dtype=np.int64)  # one zero column each side = conv padding
            for i, c in enumerate(cidx):
                C[i, 1:1 + len(c)] = c
            X = self.cemb[C]
            win = np.concatenate([X[:, 0:W], X[:, 1:W + 1], X[:, 2:W + 2]], axis=2)
            ch = np.maximum(win @ self.conv_w + self.conv_b, 0).max(axis=1)
            vecs = np.concatenate([self.emb[widx], ch], axis=1)
            for t, v in zip(todo, vecs):
                cache[t] = v
        return np.stack([cache[t] for t in toks])

    def _inputs(self, sents: list[list[str]], flags: list[list[list[int]]] | None) -> np.ndarray:
        toks = [t for s in sents for t in s]
        fl = np.zeros((len(toks), self.n_flags), dtype=np.float32)
        if flags is not None:
            rows, cols = [], []
            k = 0
            for sf in flags:
                for ff in sf:
                    for f in ff:
                        c = self.flag_map[f] if f < len(self.flag_map) else -1
                        if c >= 0:
                            rows.append(k)
                            cols.append(c)
                    k += 1
            fl[rows, cols] = 1.0
        return np.concatenate([self._token_vectors(toks), np.tanh(fl @ self.flag_w + self.flag_b)], axis=1)

    # -- network ------------------------------------------------------------------------------------------

    def emissions(self, sents: list[list[str]], flags: list[list[list[int]]] | None = None) -> list[np.ndarray]:
        """Emission scores ``(len, n_labels)`` for each sentence (all sentences in one batch).

        Args:
            sents: non-empty token lists.
            flags: for each sentence, the flag indices of each token (``Featurizer.flags``); ``None``: no flags.
        """
        if not sents:
            return []
        H = self.H
        lengths = np.array([len(s) for s in sents])
        order = np.argsort(-lengths, kind="stable")  # longest first: the active rows at step t are a prefix
        x = self._inputs(sents, flags)
        pre = x @ self.wih + self.bias  # (N, 8H)
        offs = np.concatenate([[0], np.cumsum(lengths)])
        B, T = len(sents), int(lengths.max())
        # per-step input pre-activations, forward (d=0) and backward (d=1, each sentence reversed)
        P = np.zeros((T, 2, B, 4 * H), dtype=np.float32)
        for b, i in enumerate(order):
            n = lengths[i]
            seg = pre[offs[i]:offs[i] + n]
            P[:n, 0, b] = seg[:, :4 * H]
            P[:n, 1, b] = seg[::-1, 4 * H:]
        active = np.searchsorted(-lengths[order], -np.arange(T), side="left")  # rows with length > t
        h = np.zeros((2, B, H), dtype=np.float32)
        c = np.zeros((2, B, H), dtype=np.float32)
        out = np.zeros((T, 2, B, H), dtype=np.float32)
        for t in range(T):
            m = active[t]
            z = P[t, :, :m] + np.matmul(h[:, :m], self.whh)
            s = _sigmoid(z[..., :3 * H])
            cc = s[..., H:2 * H] * c[:, :m] + s[..., :H] * np.tanh(z[..., 3 * H:])
            hh = s[..., 2 * H:3 * H] * np.tanh(cc)
            c[:, :m] = cc
            h[:, :m] = hh
            out[t, :, :m] = hh
        res: list[np.ndarray] = [np.empty(0)] * B
        for b, i in enumerate(order):
            n = lengths[i]
            hid = np.concatenate([out[:n, 0, b], out[:n, 1, b][::-1]], axis=1)
            res[i] = (hid @ self.out_w + self.out_b).astype(np.float64)
        return res

    def marginals(self, ems: list[np.ndarray]) -> list[np.ndarray]:
        """Per-token label probabilities under the network's CRF (forward–backward), one array per sentence."""
        return crf_marginals(ems, self.trans, self.start, self.end)

    def viterbi(self, em: np.ndarray) -> list[str]:
        """The network's own best label sequence for one sentence."""
        score = self.start + em[0]
        back = []
        for t in range(1, len(em)):
            cand = score[:, None] + self.trans
            back.append(cand.argmax(0))
            score = cand.max(0) + em[t]
        best = [int((score + self.end).argmax())]
        for bk in reversed(back):
            best.append(int(bk[best[-1]]))
        return [self.labels[k] for k in best[::-1]]

    def tag_many(self, sents: list[list[str]], flags: list[list[list[int]]] | None = None) -> list[list[str]]:
        """The network alone: BIO labels for each sentence."""
        idx = [i for i, s in enumerate(sents) if s]
        out: list[list[str]] = [[] for _ in sents]
        ems = self.emissions([sents[i] for i in idx], [flags[i] for i in idx] if flags is not None else None)
        for i, em in zip(idx, ems):
            out[i] = self.viterbi(em)
        return out


def crf_marginals(ems: list[np.ndarray], trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[np.ndarray]:
    """Forward–backward of a linear-chain CRF over a batch of emission matrices (log space)."""
    if not ems:
        return []
    lengths = np.array([len(e) for e in ems])
    B, T, K = len(ems), int(lengths.max()), trans.shape[0]
    E = np.zeros((B, T, K))
    for b, e in enumerate(ems):
        E[b, :len(e)] = e
    alpha = np.empty((B, T, K))
    beta = np.zeros((B, T, K))
    alpha[:, 0] = start + E[:, 0]
    for t in range(1, T):
        alpha[:, t] = _logsumexp(alpha[:, t - 1, :, None] + trans, axis=1) + E[:, t]
    last = lengths - 1
    rows = np.arange(B)
    # beta at each sentence's last position is the end score; positions past the end are never read
    beta[rows, last] = end
    for t in range(T - 2, -1, -1):
        nb = _logsumexp(trans[None] + (E[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)
        inside = t < last
        beta[inside, t] = nb[inside]
    out = []
    for b, n in enumerate(lengths):
        lp = alpha[b, :n] + beta[b, :n]
        lp -= _logsumexp(lp, axis=1)[:, None]
        out.append(np.exp(lp))
    return out


def allowed_transitions(labels: list[str]) -> np.ndarray:
    """``ok[j, k]``: label ``k`` may follow label ``j`` in BIO (I-X only after B-X or I-X)."""
    K = len(labels)
    ok = np.ones((K, K), dtype=bool)
    for k, lab in enumerate(labels):
        if lab.startswith("I-"):
            for j, p in enumerate(labels):
                ok[j, k] = p != "O" and p[2:] == lab[2:]
    return ok


def bio_viterbi(logp: list[np.ndarray], labels: list[str]) -> list[list[str]]:
    """Best valid BIO label sequence for each sentence from per-token log scores (batched over sentences)."""
    if not logp:
        return []
    K = len(labels)
    ok = allowed_transitions(labels)
    tr = np.where(ok, 0.0, -1e9)
    first = np.array([-1e9 if lab.startswith("I-") else 0.0 for lab in labels])
    lengths = np.array([len(x) for x in logp])
    order = np.argsort(-lengths, kind="stable")
    B, T = len(logp), int(lengths.max())
    S = np.zeros((B, T, K))
    for b, i in enumerate(order):
        S[b, :lengths[i]] = logp[i]
    active = np.searchsorted(-lengths[order], -np.arange(T), side="left")
    score = S[:, 0] + first
    back = np.zeros((B, T, K), dtype=np.int64)
    for t in range(1, T):
        m = active[t]
        cand = score[:m, :, None] + tr
        bp = cand.argmax(axis=1)
        back[:m, t] = bp
        score[:m] = np.take_along_axis(cand, bp[:, None, :], axis=1)[:, 0] + S[:m, t]
    out: list[list[str]] = [[] for _ in logp]
    for b, i in enumerate(order):
        n = lengths[i]
        if n == 0:
            continue
        k = int(score[b].argmax())
        path = [k]
        for t in range(n - 1, 0, -1):
            k = int(back[b, t, k])
            path.append(k)
        out[i] = [labels[k] for k in reversed(path)]
    return out
