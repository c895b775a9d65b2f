"""CRF features for one sentence of tokens.

Per token: the normalised word, its proclitic-stripped stem and clitic string, affixes of the stem, shape,
word-cluster ids (k-means of word2vec vectors trained on unlabeled news, three granularities), gazetteer
longest-match tags, and cue words (person titles, organisation heads, place cues, speech verbs); then the
same kinds of facts about the neighbours in a ±2 window, and cues in a ±3 window.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from sys import intern

from marsad.entities.analysis import shape, stem_candidates, strip_prefix, word_form
from marsad.entities.gazetteers import RESOURCES, Gazetteer, _bare, bare_forms



def load_clusters(path: Path | None = None) -> dict[str, tuple[str, str, str]]:
    """Read ``clusters.tsv``: word TAB c64 TAB c256 TAB c1024."""
    path = path or RESOURCES / "clusters.tsv"
    out: dict[str, tuple[str, str, str]] = {}
    if not path.exists():
        return out
    same: dict = {}  # a few thousand distinct values: one shared tuple each (less memory, faster to unpickle)
    with open(path, encoding="utf-8") as f:
        for line in f:
            w, a, b, c = line.rstrip("\n").split("\t")
            v = (a, b, c)
            out[intern(w)] = same.setdefault(v, v)  # words shared by the tables are pickled once
    return out


_NOCL = ("-", "-", "-")
_QUOTES = frozenset(('"', "«", "»", "“", "”", "'"))
OFFSET_NAMES = {d: str(d) for d in (-2, -1, 1, 2)}  # the prefixes of neighbour features, "-2" .. "2"


@lru_cache(maxsize=4)
def load_lexstats(path: Path) -> dict[str, tuple[str, str]]:
    """Read ``lexstats.tsv``: word TAB frequency bucket TAB definiteness bucket (empty when absent).

    Read once per path and process: the featurizer and the entity rules share the table (do not mutate it)."""
    out: dict[str, tuple[str, str]] = {}
    if not path.exists():
        return out
    same: dict = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            w, a, b = line.rstrip("\n").split("\t")
            v = (a, b)
            out[intern(w)] = same.setdefault(v, v)  # words shared by the tables are pickled once
    return out

def load_selflex(path: Path) -> dict[str, tuple[str, str, str, str]]:
    """Read ``selflex.tsv`` (see ``tools/ner/build_selflex.py``) into per-word feature values.

    Returns word -> (dominant type and its share bucket, e.g. ``PERS4`` or ``O``; the four per-type buckets as
    one string ``pPlLoOmM``; B-share bucket; frequency bucket).
    """
    out: dict[str, tuple[str, str, str, str]] = {}
    if not path.exists():
        return out
    types = ("PERS", "LOC", "ORG", "MISC")
    same: dict = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            w, nb, p, l, o, m, b = line.rstrip("\n").split("\t")
            bs = (p, l, o, m)
            top = max(bs)
            dom = types[bs.index(top)] + top if top != "0" else "O"  # the first type with the highest bucket
            v = (dom, "p" + p + "l" + l + "o" + o + "m" + m, b, nb)
            out[intern(w)] = same.setdefault(v, v)  # words shared by the tables are pickled once
    return out


def load_phrases(path: Path) -> Gazetteer:
    """Read ``selfphr.tsv`` (TYPE TAB normalised phrase) into a gazetteer matched like the main one."""
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for line in f:
                klass, ph = line.rstrip("\n").split("\t")
                toks = tuple(_bare(t) for t in ph.split(" "))
                if len(toks) >= 2:
                    phrases.setdefault(toks[0], []).append((toks, klass))
    for v in phrases.values():
        v.sort(key=lambda e: -len(e[0]))
    return Gazetteer(phrases=phrases)


_NOSELF = ("u", "u", "u", "u")


def _first_hit(table: dict, n: str, default: tuple) -> tuple:
    """The entry of the first of ``n``'s stem candidates (whole word first) that ``table`` holds."""
    for c in stem_candidates(n):
        st = table.get(c)
        if st is not None:
            return st
    return default


def load_emb(path: Path) -> dict[str, tuple[float, ...]]:
    """Read ``emb.tsv`` (word TAB space-separated reduced word2vec values; ``tools/ner/build_embfeat.py``)."""
    out: dict[str, tuple[float, ...]] = {}
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for line in f:
                w, v = line.rstrip("\n").split("\t")
                out[w] = tuple(float(x) for x in v.split(" "))
    return out

#: Binary lexical facts fed to the neural tagger, in a fixed order.
FLAGS = tuple(f"g={c}-{p}" for c in ("GPE", "LOC", "PER", "ORG") for p in "BI") + (
    "ti", "oh", "lc", "nt", "sp", "art", "sh=A", "sh=L", "sh=D", "sh=P", "sh=M")
_FLAG_INDEX = {f: i for i, f in enumerate(FLAGS)}


@dataclass
class Featurizer:
    """Turns token lists into crfsuite feature lists. Holds the loaded lexical resources."""

    gaz: Gazetteer
    clusters: dict[str, tuple[str, str, str]]
    lexstats: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Feature-set version (1: the set described above; 2: adds fine clusters at ±2, cluster bigrams and
    #: 4-character affixes; 3: adds the self-trained lexicon; 4: 3 + word2vec values; 5: 3 + WikiFANE gold
    #: label shares of the word and ±1 and WikiFANE names as a phrase gazetteer). Stored in the model's
    #: meta.json so a model always gets the features it was trained on.
    version: int = 1
    #: Self-trained lexicon (version >= 3): per-word label shares from news tagged by an earlier CRF.
    selflex: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)
    #: Multi-word names the earlier CRF tagged consistently (version >= 3).
    selfphr: Gazetteer | None = None
    #: Reduced word2vec vectors, real-valued features of the word and its ±1 neighbours (version 4 only).
    emb: dict[str, tuple[float, ...]] = field(default_factory=dict)
    #: Gold label shares per word in WikiFANE (version >= 5; ``tools/ner/build_wikilex.py``).
    wikilex: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)
    #: Multi-word gold names of WikiFANE with their type (version >= 5).
    wikiphr: Gazetteer | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, resources: Path | None = None, version: int | None = None) -> "Featurizer":
        resources = resources or RESOURCES
        if version is None:
            meta = resources / "meta.json"
            version = json.loads(meta.read_text(encoding="utf-8")).get("features", 1) if meta.exists() else 1
        fz = cls(Gazetteer.load(resources / "gazetteer.tsv"), load_clusters(resources / "clusters.tsv"),
                 load_lexstats(resources / "lexstats.tsv"), version=version)
        if version >= 3:
            fz.selflex = load_selflex(resources / "selflex.tsv")
            fz.selfphr = load_phrases(resources / "selfphr.tsv")
        if version == 4:
            fz.emb = load_emb(resources / "emb.tsv")
        if version >= 5:
            fz.wikilex = load_selflex(resources / "wikilex.tsv")
            fz.wikiphr = load_phrases(resources / "wikiphr.tsv")
        return fz

    def _self(self, n: str) -> tuple[str, str, str, str]:
        return _first_hit(self.selflex, n, _NOSELF)

    def _wiki(self, n: str) -> tuple[str, str, str, str]:
        return _first_hit(self.wikilex, n, _NOSELF)

    def _stats(self, n: str) -> tuple[str, str]:
        return _first_hit(self.lexstats, n, ("u", "u"))

    def _cluster(self, n: str) -> tuple[str, str, str]:
        cl = self.clusters.get(n)
        if cl is not None:
            return cl
        for c in stem_candidates(n)[1:]:
            cl = self.clusters.get(c)
            if cl is not None:
                return cl
        return _NOCL

    def flags(self, tokens: list[str]) -> list[list[int]]:
        """Indices into :data:`FLAGS` of the binary lexical facts true for each token (for the neural tagger)."""
        g = self.gaz
        norms = [word_form(t) for t in tokens]
        bares = [bare_forms(x) for x in norms]
        gz = g.match(bares)
        out = []
        for i, (t, x, bb) in enumerate(zip(tokens, norms, bares)):
            f = [_FLAG_INDEX["g=" + tag] for tag in gz[i] if "g=" + tag in _FLAG_INDEX]
            if any(b in g.person_titles for b in bb) or x in g.person_titles:
                f.append(_FLAG_INDEX["ti"])
            if any(b in g.org_heads for b in bb):
                f.append(_FLAG_INDEX["oh"])
            if any(b in g.loc_cues for b in bb):
                f.append(_FLAG_INDEX["lc"])
            if any(b in g.name_tokens for b in bb):
                f.append(_FLAG_INDEX["nt"])
            if x in g.speech_cues:
                f.append(_FLAG_INDEX["sp"])
            if x.startswith("ال") or strip_prefix(x)[0].endswith(("ال", "لل")):
                f.append(_FLAG_INDEX["art"])
            f.append(_FLAG_INDEX["sh=" + shape(t)])
            out.append(f)
        return out

    def _info(self, tok: str) -> tuple:
        """Per-token facts that do not depend on context (cached: news text repeats its words)."""
        info = self._cache.get(tok)
        if info is None:
            info = self.word_facts(tok)
            if len(self._cache) > 300_000:
                self._cache.clear()
            self._cache[tok] = info
        return info

    @staticmethod
    def word_key(tok: str) -> tuple[str, str, bool]:
        """What :meth:`word_facts` reads of a token: its :func:`word_form`, its :func:`shape` and whether it
        is a quotation mark. Tokens with one key (spelling variants, numbers) have the same facts."""
        return word_form(tok), shape(tok), tok in _QUOTES

    def word_facts(self, tok: str, prefixed: bool = True) -> tuple:
        """:meth:`_info` without its cache: the tuple holds some 70 feature strings (about 6 KB), so callers
        that keep their own per-word results (``FastCrf``) take it from here and let it go.

        With ``prefixed=False`` the neighbour features are not also built with their offset prefixes
        (indexes 11 and 12 are ``None``): ``FastCrf`` looks the unprefixed ones up per offset instead."""
        g = self.gaz
        w = word_form(tok)
        p, s = strip_prefix(w)
        bb = bare_forms(w)
        c = self._cluster(w)
        shp = shape(tok)
        title = any(b in g.person_titles for b in bb) or w in g.person_titles
        orgh = bb[0] in g.org_heads or (len(bb) > 1 and bb[1] in g.org_heads)
        locc = bb[0] in g.loc_cues or (len(bb) > 1 and bb[1] in g.loc_cues)
        namet = any(b in g.name_tokens for b in bb)
        quote = tok in _QUOTES
        speech = w in g.speech_cues
        own = [
            "b", "w=" + w, "s=" + s, "p=" + p, "sh=" + shp,
            "s2=" + s[:2], "s3=" + s[:3], "e2=" + s[-2:], "e3=" + s[-3:], "e1=" + s[-1:],
            "w3=" + w[:3], "we2=" + w[-2:],
            "c6=" + c[0], "c2=" + c[1], "c1=" + c[2], "sc1=" + self.clusters.get(s, _NOCL)[2],
            "len=" + str(min(len(s), 8)),
        ]
        fb, db = self._stats(w) if self.lexstats else ("", "")
        if self.lexstats:
            own += ["fb=" + fb, "db=" + db, "fd=" + fb + db]
        if w.startswith("ال") or p.endswith("ال") or p.endswith("لل"):
            own.append("art")
        flags = [("ti", title), ("oh", orgh), ("lc", locc), ("nt", namet), ("q", quote)]
        for name, on in flags:
            if on:
                own.append(name)
        near = [f"w={w}", f"c2={c[1]}", f"c6={c[0]}"]
        near1 = [f"s={s}", f"c1={c[2]}", f"sh={shp}", f"e2={s[-2:]}"]
        if self.lexstats:
            near1.append("db=" + db)
        near1 += [name for name, on in flags + [("sp", speech)] if on]
        if self.version >= 2:
            own += ["s4=" + s[:4], "e4=" + s[-4:]]
        dom = ""
        if self.version >= 3:
            x = self._self(w)
            dom = x[0]
            own += ["xd=" + x[0], "xa=" + x[1], "xb=" + x[2], "xn=" + x[3], "xdb=" + x[0] + x[2]]
            near1.append("xd=" + x[0])
            if self.version >= 5:
                k = self._wiki(w)
                own += ["kd=" + k[0], "ka=" + k[1], "kb=" + k[2], "kn=" + k[3], "kdb=" + k[0] + k[2],
                        "kx=" + x[0] + "|" + k[0]]
                near1.append("kd=" + k[0])
        vec = None
        if self.version == 4:
            for cand in stem_candidates(w):
                v = self.emb.get(cand)
                if v is not None:
                    vec = {d: {f"{d}e{k}": x for k, x in enumerate(v) if x} for d in ("", "-1", "1")}
                    break
        # neighbour features with their offset prefix, built once per word type (index 11: ±1/±2 window
        # facts; index 12: the extra ±1 facts)
        if not prefixed:
            return (w, bb, own, near, near1, title, orgh, c[1], c[2], dom, vec, None, None)
        pre = {d: [ds + x for x in near] for d, ds in OFFSET_NAMES.items()}
        pre1 = {d: [OFFSET_NAMES[d] + x for x in near1] for d in (-1, 1)}
        return (w, bb, own, near, near1, title, orgh, c[1], c[2], dom, vec, pre, pre1)

    def sentence(self, tokens: list[str]) -> list:
        """Feature strings for each token of one sentence (version >= 4: dicts of feature -> value)."""
        n = len(tokens)
        infos = [self._info(t) for t in tokens]
        gz = self.gaz.match([x[1] for x in infos])
        ph = self.selfphr.match([x[1] for x in infos]) if self.version >= 3 and self.selfphr else None
        kp = self.wikiphr.match([x[1] for x in infos]) if self.version >= 5 and self.wikiphr else None
        feats: list[list[str]] = []
        for i in range(n):
            w = infos[i][0]
            f = list(infos[i][2])
            for t in gz[i]:
                f.append("g=" + t)
            if i == 0:
                f.append("BOS")
            if i == n - 1:
                f.append("EOS")
            for d in (-2, -1, 1, 2):
                j = i + d
                if 0 <= j < n:
                    f.extend(infos[j][11][d])
                    for t in gz[j]:
                        f.append(f"{d}g={t}")
                    if d == -1 or d == 1:
                        f.extend(infos[j][12][d])
                    elif self.version >= 2:
                        f.append(f"{d}c1={infos[j][8]}")
                else:
                    f.append(f"{d}w=<pad>")
            if ph is not None:
                for t in ph[i]:
                    f.append("ph=" + t)
                if i >= 1:
                    f.append("xx=" + infos[i - 1][9] + "|" + infos[i][9])
                    for t in ph[i - 1]:
                        f.append("-1ph=" + t)
                if i + 1 < n:
                    f.append("xy=" + infos[i][9] + "|" + infos[i + 1][9])
                    for t in ph[i + 1]:
                        f.append("1ph=" + t)
            if kp is not None:
                for t in kp[i]:
                    f.append("kp=" + t)
                if i >= 1:
                    for t in kp[i - 1]:
                        f.append("-1kp=" + t)
                if i + 1 < n:
                    for t in kp[i + 1]:
                        f.append("1kp=" + t)
            if self.version >= 2:
                if i >= 1:
                    f.append("cc=" + infos[i - 1][7] + "|" + infos[i][7])
                if i + 1 < n:
                    f.append("cn=" + infos[i][7] + "|" + infos[i + 1][7])
            if i >= 1:
                f.append("ww=" + infos[i - 1][0] + "|" + w)
            if i + 1 < n:
                f.append("wn=" + w + "|" + infos[i + 1][0])
            for j in range(max(0, i - 3), i - 1):
                if infos[j][5]:
                    f.append("ti3")
                if infos[j][6]:
                    f.append("oh3")
            if self.version == 4:
                fd = dict.fromkeys(f, 1.0)
                for d, j in (("", i), ("-1", i - 1), ("1", i + 1)):
                    if 0 <= j < n and infos[j][10] is not None:
                        fd.update(infos[j][10][d])
                feats.append(fd)
            else:
                feats.append(f)
        return feats
