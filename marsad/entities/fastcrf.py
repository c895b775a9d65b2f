"""A numpy reader and decoder for the entity CRF, bypassing python-crfsuite at tag time.

:class:`FastCrf` reads the weights of a crfsuite binary model (``ner.crfsuite``) once, exactly (the file's
doubles, not the 6-decimal text of ``crfsuite dump`` / ``Tagger.info()``), and scores a sentence of tokens
without building its feature strings: most features depend only on one word (the token itself, or the
neighbour at a fixed offset -2..2), so each word type's summed label weights are computed once and cached;
only the few position-specific features (gazetteer and phrase tags, sentence edges,
padding, the ±3 cue window) are looked up per sentence, and adjacent-pair features (word, cluster and
label-share pairs) are found in a table of the pairs the model has weights for, built at load. The per-word
facts come from ``Featurizer.word_facts`` (its tuple layout is relied on here; the tests catch any drift from
``sentence()``); only the weight rows and a few short facts are kept per word, not the feature strings.

``viterbi(tokens)`` gives the labels pycrfsuite's ``Tagger.tag`` gives for ``Featurizer.sentence(tokens)``;
``marginals(tokens)`` the per-token label probabilities of ``Tagger.marginal`` (scaled forward-backward).
The word-level split mirrors :meth:`marsad.entities.features.Featurizer.sentence` for feature sets 1-3 and 5 (the
tests compare it with the sum over ``sentence()``'s own output); other versions (4: real-valued features) take
the generic path through ``sentence()``.

Model file layout read here (crfsuite ``crf1d_model.c``, little-endian): a 48-byte header (``lCRF``, size,
``FOMC``, version, counts, offsets); a ``FEAT`` chunk of 20-byte features (type, source, destination as
uint32, weight as float64; type 0 = attribute -> label, 1 = label -> label); and CQDB string tables for the
labels and attributes, whose backward array maps each id to a record ``id, key size, key bytes + NUL``.
"""

from __future__ import annotations

import itertools
import struct
from pathlib import Path

import numpy as np

from marsad.entities.features import OFFSET_NAMES
from marsad.errors import MarsadError

#: Word types cached before the cache is emptied and refilled.
MAX_WORDS = 200_000
_OFFSETS = tuple(OFFSET_NAMES)  # -2, -1, 1, 2
#: Rows of ``FastCrf._cols``: person title?, organisation head?, phrase-table bits, then the pair codes.
_TITLE, _ORGH, _BEGINS, _PAIR_CODES = range(4)
_ZEROS = itertools.repeat(0)
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")])


class ModelFormatError(MarsadError, ValueError):
    """The file is not a crfsuite CRF model this reader understands."""

    code = "M403"


def _cqdb_strings(buf: bytes, off: int) -> list[str]:
    """All keys of the CQDB table at ``off``, in id order."""
    if buf[off:off + 4] != b"CQDB":
        raise ModelFormatError(f"no CQDB table at offset {off}")
    _size, _flag, _order, nbwd, bwd_off = struct.unpack_from("<5I", buf, off + 4)
    if not bwd_off:
        raise ModelFormatError("CQDB table has no backward array")
    ptrs = np.frombuffer(buf, dtype="<u4", count=nbwd, offset=off + bwd_off)
    out = []
    for p in ptrs.tolist():
        ksize = struct.unpack_from("<I", buf, off + p + 4)[0]
        start = off + p + 8
        out.append(buf[start:start + ksize - 1].decode("utf-8"))
    return out


def read_model(path: str | Path) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """``(labels, attributes, W, T)`` from a crfsuite model: ``W[attr, label]`` state weights, ``T[prev, cur]``."""
    buf = Path(path).read_bytes()
    if len(buf) < 48 or buf[:4] != b"lCRF" or buf[8:12] != b"FOMC":
        raise ModelFormatError(f"{path} is not a crfsuite CRF1d model")
    (_size, _ver, _nf, nlab, nattr, off_feat, off_lab, off_attr, _lr, _ar) = struct.unpack_from("<I4x9I", buf, 4)
    if buf[off_feat:off_feat + 4] != b"FEAT":
        raise ModelFormatError(f"{path}: no feature chunk")
    nfeat = struct.unpack_from("<I", buf, off_feat + 8)[0]
    feats = np.frombuffer(buf, dtype=_FEATURE, count=nfeat, offset=off_feat + 12)
    labels = _cqdb_strings(buf, off_lab)
    attrs = _cqdb_strings(buf, off_attr)
    if len(labels) != nlab or len(attrs) != nattr:
        raise ModelFormatError(f"{path}: {len(labels)}/{nlab} labels, {len(attrs)}/{nattr} attributes")
    W = np.zeros((nattr, nlab))
    T = np.zeros((nlab, nlab))
    st = feats["type"] == 0
    W[feats["src"][st], feats["dst"][st]] = feats["w"][st]
    tr = feats["type"] == 1
    T[feats["src"][tr], feats["dst"][tr]] = feats["w"][tr]
    return labels, attrs, W, T


class FastCrf:
    """CRF weights in numpy arrays plus per-word score caches for one :class:`Featurizer`.

    Args:
        model: path of the crfsuite model (``ner.crfsuite``).
        featurizer: the loaded :class:`marsad.entities.features.Featurizer` the model was trained with.
    """

    def __init__(self, model: str | Path, featurizer) -> None:
        self.labels, attrs, W, self.T = read_model(model)
        self.fz = featurizer
        K = self.K = len(self.labels)
        # row 0 of the weight table is all zeros: unknown attributes map to it
        self.W = np.vstack([np.zeros((1, K)), W])
        self.attr = {a: i + 1 for i, a in enumerate(attrs)}
        self._zero = np.zeros(K)
        self._expT = np.exp(self.T)
        self._fast = featurizer.version != 4
        v = featurizer.version
        #: pair features: (index of the value in ``Featurizer.word_facts``; prefix at the left token, at the
        #: right token): the word, its middle cluster, its self-trained dominant type
        self._kinds = [(0, "wn=", "ww=")] + [(7, "cn=", "cc=")] * (v >= 2) + \
            [(9, "xy=", "xx=")] * (v >= 3 and bool(featurizer.selfphr))
        #: phrase tables scored by position: (table, feature prefix, reach of its ±k features)
        self._tables = [(featurizer.gaz, "g", 2)]
        if v >= 3 and featurizer.selfphr:
            self._tables.append((featurizer.selfphr, "ph", 1))
        if v >= 5 and featurizer.wikiphr:
            self._tables.append((featurizer.wikiphr, "kp", 1))
        for table, _, _ in self._tables:
            table.prepare()
        self._pairs = self._pair_tables()
        #: per neighbour offset d, the attribute ids of ``f"{d}{name}"`` keyed by ``name``: a new word's
        #: neighbour features are looked up without building their prefixed strings
        self._near = {d: {} for d in _OFFSETS}
        for a, i in self.attr.items():
            for d in _OFFSETS:
                if a.startswith(OFFSET_NAMES[d]):
                    self._near[d][a[len(OFFSET_NAMES[d]):]] = i
        self._reset_words()
        self._pos: dict[str, np.ndarray] = {}
        self._blocks: dict[tuple[str, str], np.ndarray] = {}  # (prefix, tag) -> weights around a phrase tag

    # -- scores -----------------------------------------------------------------------------------------------

    def _vec(self, feat: str) -> np.ndarray:
        """Weights of one position-specific attribute (memoised; zeros when the model does not know it)."""
        v = self._pos.get(feat)
        if v is None:
            i = self.attr.get(feat)
            v = self._pos[feat] = self.W[i] if i is not None else self._zero
        return v

    def _reset_words(self) -> None:
        self._wid: dict[str, int] = {}  # token -> its row
        self._kid: dict[tuple, int] = {}  # Featurizer.word_key -> row: a token's variants share its row
        self._rows = np.zeros((5, 1024, self.K))  # own, then the word seen from offsets -2, -1, 1, 2
        #: per word, all the scoring needs beyond the rows, as columns (see ``_TITLE`` ...): person title?,
        #: organisation head?, bit t set when the word can begin a phrase of table t, then per pair kind
        #: its code as the left and as the right value of a pair (-1: in no pair the model knows)
        self._cols = np.zeros((_PAIR_CODES + 2 * len(self._kinds), 1024), dtype=np.int64)
        self._bares: list[list[str]] = []  # per word: its bare keys, for the phrase tables

    def _pair_tables(self) -> list[tuple[dict[str, int], dict[str, int], np.ndarray, np.ndarray]]:
        """Per kind of pair feature, every pair of values the model has a weight for, as integers so that a
        run's pairs are looked up in one numpy search: ``(left codes, right codes, keys, rows)``. A value's
        code is its index among the values seen on that side; a pair's key is ``left * len(right codes) +
        right``, ``keys`` sorted; row ``r + 1`` of ``rows`` (shape ``(2, n + 1, K)``: the left token's
        weights, then the right token's) belongs to ``keys[r]``, row 0 is all zeros for the pairs the model
        lacks (most adjacent pairs of new text)."""
        joined_by_prefix: dict[str, list[tuple[str, int]]] = {}
        for a, i in self.attr.items():
            if "|" in a:
                joined_by_prefix.setdefault(a[:3], []).append((a[3:], i))
        out = []
        for _, lp, rp in self._kinds:
            index: dict[tuple[str, str], int] = {}  # (left, right) -> its position in ids
            ids = ([], [])  # attribute of each pair, on the left token and on the right (0: none)
            for side, prefix in enumerate((lp, rp)):
                for joined, i in joined_by_prefix.get(prefix, ()):
                    # a value holding "|" makes the split ambiguous: every split is a key, each pair of
                    # values still finds exactly the attribute "left|right" it would build
                    for cut in (j for j, ch in enumerate(joined) if ch == "|"):
                        row = index.setdefault((joined[:cut], joined[cut + 1:]), len(ids[0]))
                        if row == len(ids[0]):
                            ids[0].append(0)
                            ids[1].append(0)
                        ids[side][row] = i
            lefts: dict[str, int] = {}
            rights: dict[str, int] = {}
            codes = [(lefts.setdefault(a, len(lefts)), rights.setdefault(b, len(rights))) for a, b in index]
            keys = np.array([a * len(rights) + b for a, b in codes], dtype=np.int64)
            order = np.argsort(keys)
            rows = np.zeros((2, len(keys) + 1, self.K))
            rows[0, 1:] = self.W[np.array(ids[0], dtype=np.intp)[order]]
            rows[1, 1:] = self.W[np.array(ids[1], dtype=np.intp)[order]]
            out.append((lefts, rights, keys[order], rows))
        return out

    def _add_words(self, words: list[str]) -> None:
        """Cache the facts and weight rows of new (distinct) words, all rows summed in one numpy call: a
        page of news brings some 40-100 words the cache has not seen, and one call per word cost more than
        the sums themselves. A word whose key (:meth:`Featurizer.word_key`) has a row already shares it:
        about one new token in eight of news is a spelling variant or another number."""
        key_of = self.fz.word_key
        new = []
        for tok in words:
            row = self._kid.get(key := key_of(tok))
            if row is None:
                row = self._kid[key] = len(self._kid)
                new.append(tok)
            self._wid[tok] = row
        if not new:
            return
        words = new
        need = len(self._kid)
        first = need - len(words)
        rows = self._rows
        while need > rows.shape[1]:
            rows = self._rows = np.concatenate([rows, np.zeros_like(rows)], axis=1)
            self._cols = np.concatenate([self._cols, np.zeros_like(self._cols)], axis=1)
        get = self.attr.get
        v2 = self.fz.version >= 2
        word_facts = self.fz.word_facts
        tables = [(1 << t, table) for t, (table, _, _) in enumerate(self._tables)]
        cols = []
        ids: list[int] = []
        starts: list[int] = []
        near = [self._near[d].get for d in _OFFSETS]
        for tok in words:
            x = word_facts(tok, False)
            self._bares.append(x[1])
            begins = 0
            for bit, table in tables:
                if table.starts(x[1]):
                    begins |= bit
            col = [x[5], x[6], begins]
            for (k, _, _), (lefts, rights, _, _) in zip(self._kinds, self._pairs):
                col += (lefts.get(x[k], -1), rights.get(x[k], -1))
            cols.append(col)
            # the word's own features, then as seen from offsets -2, -1, 1, 2 (the window facts, the extra ±1
            # facts, the ±2 finest cluster), in the order sentence() lists them; each segment starts with the
            # all-zero row 0, so none is empty
            starts.append(len(ids))
            ids.append(0)
            ids.extend(map(get, x[2], _ZEROS))
            far, near1 = x[3], x[4]
            for d, at in zip(_OFFSETS, near):
                starts.append(len(ids))
                ids.append(0)
                ids.extend(map(at, far, _ZEROS))
                if d == -1 or d == 1:
                    ids.extend(map(at, near1, _ZEROS))
                elif v2:
                    ids.append(at("c1=" + x[8], 0))
        sums = np.add.reduceat(self.W[ids], starts).reshape(len(words), 5, self.K)
        rows[:, first:need] = sums.transpose(1, 0, 2)
        self._cols[:, first:need] = np.array(cols, dtype=np.int64).T

    def emissions(self, tokens: list[str]) -> np.ndarray:
        """``(len(tokens), K)`` state scores: each token's summed attribute weights per label."""
        return self.emissions_many([tokens])[0]

    def emissions_many(self, sents: list[list[str]]) -> list[np.ndarray]:
        """:meth:`emissions` of each sentence, computed over all of them at once.

        The sentences are laid end to end and every step is one numpy operation over the whole run (a
        document costs a few dozen numpy calls, not a few dozen per sentence); features never reach across a
        sentence edge, and each score gets the same additions in the same order as a sentence alone.
        """
        fz = self.fz
        if not self._fast:
            return [self.emissions_from_features(fz.sentence(s)) for s in sents]
        lens = [len(s) for s in sents]
        tokens = [t for s in sents for t in s]
        N = len(tokens)
        if not N:
            return [np.zeros((0, self.K)) for _ in sents]
        # empty full caches before the run only: rows found earlier in it must stay valid
        if len(self._wid) + N > MAX_WORDS:
            self._reset_words()
        # the cache's own lookup first: most words of a run were seen before
        ids = list(map(self._wid.get, tokens))
        if None in ids:
            self._add_words(list(dict.fromkeys(t for i, t in zip(ids, tokens) if i is None)))
            ids = list(map(self._wid.__getitem__, tokens))
        bares = self._bares
        bares = [bares[i] for i in ids]
        ids = np.array(ids, dtype=np.intp)
        cols = self._cols[:, ids]
        sid = np.repeat(np.arange(len(sents)), lens)
        ends = np.cumsum(lens, dtype=np.intp)
        starts = ends - lens
        full = np.flatnonzero(np.array(lens) > 0)
        first, last = starts[full], ends[full] - 1
        at = np.arange(N)
        rows = self._rows
        E = rows[0, ids]
        for r, d in enumerate(_OFFSETS, 1):
            nb = at + d
            ok = (nb >= 0) & (nb < N)
            ok[ok] = sid[nb[ok]] == sid[ok]
            E[ok] += rows[r, ids[nb[ok]]]
            E[~ok] += self._vec(f"{d}w=<pad>")
        E[first] += self._vec("BOS")
        E[last] += self._vec("EOS")
        # adjacent tokens of one sentence: position j pairs with j + 1
        left = np.flatnonzero(sid[:-1] == sid[1:]) if N > 1 else at[:0]
        if len(left):
            for k, (_, rights, keys, prow) in enumerate(self._pairs):
                if not len(keys):
                    continue
                c = _PAIR_CODES + 2 * k
                a, b = cols[c, left], cols[c + 1, left + 1]  # codes of the left and of the right values
                key = a * len(rights) + b
                pos = np.minimum(np.searchsorted(keys, key), len(keys) - 1)
                pids = np.where((keys[pos] == key) & (a >= 0) & (b >= 0), pos + 1, 0)
                E[left] += prow[0, pids]
                E[left + 1] += prow[1, pids]
        # cue words two and three tokens back
        for c, name in ((_TITLE, "ti3"), (_ORGH, "oh3")):
            on = np.flatnonzero(cols[c])
            if len(on):
                v = self._vec(name)
                for d in (2, 3):
                    j = on + d
                    j = j[j < N]
                    E[j[sid[j] == sid[j - d]]] += v
        begins = cols[_BEGINS]
        for t, (table, prefix, reach) in enumerate(self._tables):
            cand = np.flatnonzero(begins & (1 << t)).tolist()  # most tokens begin no phrase: skip them
            for si, here in itertools.groupby(cand, key=sid.__getitem__):  # sentence by sentence
                s0, s1 = int(starts[si]), int(ends[si])
                for j, length, classes in table.spans(bares, list(here), s0, s1):
                    for m in range(length):  # token by token, as Gazetteer.match lists the tags
                        q = j + m
                        for c in classes:
                            # the tag's weights at tokens q - reach .. q + reach of its sentence, one block
                            block = self._block(prefix, c + ("-B" if m == 0 else "-I"), reach)
                            lo, hi = max(s0, q - reach), min(s1, q + reach + 1)
                            E[lo:hi] += block[lo - q + reach:hi - q + reach]
        return [E[a:b] for a, b in zip(starts.tolist(), ends.tolist())]

    def _block(self, prefix: str, tag: str, reach: int) -> np.ndarray:
        """Weights of a phrase tag on the tokens around it: row ``reach`` is the tagged token's own
        ``prefix=tag``, row ``reach + k`` the token k to its right (which sees the tag at offset -k)."""
        key = (prefix, tag)
        b = self._blocks.get(key)
        if b is None:
            b = self._blocks[key] = np.array(
                [self._vec(f"{k}{prefix}={tag}") if k else self._vec(f"{prefix}={tag}")
                 for k in range(reach, -reach - 1, -1)])
        return b

    def emissions_from_features(self, feats: list) -> np.ndarray:
        """State scores from ``Featurizer.sentence`` output (lists of names, or dicts of name -> value)."""
        E = np.zeros((len(feats), self.K))
        get = self.attr.get
        W = self.W
        for t, f in enumerate(feats):
            if isinstance(f, dict):
                for a, x in f.items():
                    i = get(a)
                    if i is not None:
                        E[t] += x * W[i]
            else:
                ids = [i for i in map(get, f) if i is not None]
                if ids:
                    E[t] = W[ids].sum(0)
        return E

    # -- decoding ---------------------------------------------------------------------------------------------

    def viterbi_many_scores(self, Es: list[np.ndarray]) -> list[list[str]]:
        """Best label sequence for each sentence's state scores (ties go to the lower label id, as in crfsuite),
        all sentences stepped together.

        One numpy step per token position instead of one per token: a document of 12 sentences costs the
        Python loop of its longest sentence. Sentences go longest first, so the ones still running at a step
        are a prefix of the batch. Each sentence gets the sums it would get decoded alone, in the same order.
        """
        out: list[list[str]] = [[] for _ in Es]
        idx = sorted((i for i, E in enumerate(Es) if len(E)), key=lambda i: -len(Es[i]))
        if not idx:
            return out
        T = self.T
        K = T.shape[0]
        lengths = [len(Es[i]) for i in idx]
        n, B = lengths[0], len(idx)
        S = np.zeros((B, n, K))
        for b, i in enumerate(idx):
            S[b, :lengths[b]] = Es[i]
        alive = np.searchsorted(-np.array(lengths), -np.arange(n), side="left")  # sentences longer than t
        back = np.zeros((n, B, K), dtype=np.intp)
        score = S[:, 0].copy()
        rows = np.arange(B)[:, None]
        cols = np.arange(K)[None, :]
        for t in range(1, n):
            m = alive[t]
            cand = score[:m, :, None] + T  # (sentence, from, to)
            b = cand.argmax(1)
            back[t, :m] = b
            score[:m] = cand[rows[:m], b, cols] + S[:m, t]  # faster than cand.max(1) over the middle axis
        labels = self.labels
        finals = score.argmax(1).tolist()
        for bi, i in enumerate(idx):
            k = finals[bi]
            path = [k]
            steps = back[1:lengths[bi], bi].tolist()  # plain lists: indexing them beats a numpy scalar per token
            for row in reversed(steps):
                k = row[k]
                path.append(k)
            out[i] = [labels[j] for j in reversed(path)]
        return out

    def viterbi_many(self, sents: list[list[str]]) -> list[list[str]]:
        """Labels for many sentences (:meth:`viterbi` each, decoded together)."""
        return self.viterbi_many_scores(self.emissions_many(sents))

    def marginals_scores(self, E: np.ndarray) -> np.ndarray:
        """``(n, K)`` per-token label probabilities for state scores ``E`` (forward-backward in log space)."""
        n, K = E.shape
        if n == 0:
            return np.zeros((0, K))
        # scaled forward-backward (as crfsuite does): each token's scores shifted by their maximum before exp,
        # alpha normalised at every step, beta divided by the same factors; rows of alpha * beta sum to 1
        M = np.exp(E - E.max(1, keepdims=True))
        eT = self._expT
        alpha = np.empty((n, K))
        beta = np.empty((n, K))
        scale = np.empty(n)
        a = M[0]
        scale[0] = a.sum()
        alpha[0] = a / scale[0]
        for t in range(1, n):
            a = (alpha[t - 1] @ eT) * M[t]
            scale[t] = a.sum()
            alpha[t] = a / scale[t]
        beta[n - 1] = 1.0
        for t in range(n - 2, -1, -1):
            beta[t] = (eT @ (M[t + 1] * beta[t + 1])) / scale[t + 1]
        p = alpha * beta
        return p / p.sum(1, keepdims=True)

    def viterbi(self, tokens: list[str]) -> list[str]:
        """Labels for one sentence of tokens, as ``pycrfsuite.Tagger.tag(featurizer.sentence(tokens))``."""
        if not tokens:
            return []
        return self.viterbi_many_scores([self.emissions(tokens)])[0]

    def marginals(self, tokens: list[str], labels: list[str] | None = None) -> np.ndarray:
        """Per-token label marginals (``Tagger.marginal``), columns in :attr:`labels` order.

        Args:
            labels: column order wanted instead (e.g. the neural tagger's); labels the CRF lacks get 0.
        """
        m = self.marginals_scores(self.emissions(tokens)) if tokens else np.zeros((0, self.K))
        if labels is None:
            return m
        col = {lab: i for i, lab in enumerate(self.labels)}
        out = np.zeros((len(m), len(labels)))
        for j, lab in enumerate(labels):
            if lab in col:
                out[:, j] = m[:, col[lab]]
        return out
