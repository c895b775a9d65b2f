"""Runtime gazetteers and trigger-word lists for the entity tagger.

The gazetteer table (``resources/ner/gazetteer.tsv``) holds normalised names with a class (GPE, LOC, PER,
ORG) built by ``tools/ner/build_gazetteers.py`` from GeoNames, CLDR and UniversalPetrarch only; see
``resources/ner/PROVENANCE.md``. Matching is on *bare* forms: each token normalised and stripped of the
article and one-letter proclitics, so ``والقاهرة`` and ``القاهرة`` both hit ``قاهره``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.entities.analysis import by_first_letter, norm

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "ner"


def _cue_lists(path: Path) -> dict[str, list[str]]:
    """``cues.tsv``: the hand-written cue word lists (titles, organisation heads, place cues, speech verbs)."""
    out: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                kind, words = line.rstrip("\n").split("\t")
                out[kind] = words.split()
    return out


# Read once at import (a 2 kB file): the feature code and the tools use them as plain word lists.
_CUES = _cue_lists(RESOURCES / "cues.tsv")
PERSON_TITLES: list[str] = _CUES["title"]
ORG_HEADS: list[str] = _CUES["orghead"]
LOC_CUES: list[str] = _CUES["loccue"]
SPEECH_CUES: list[str] = _CUES["speech"]


_ARTICLE_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال")  # what _bare takes off, longest first
_ARTICLE_PREFIXES_BY_FIRST = by_first_letter(_ARTICLE_PREFIXES)


@lru_cache(maxsize=1 << 18)  # a pure function of the word, called per token by the tagger's later passes
def _bare(tok: str) -> str:
    n = norm(tok)
    for p in _ARTICLE_PREFIXES_BY_FIRST.get(n[:1], ()):  # most words start with none of them: nothing to try
        if n.startswith(p) and len(n) - len(p) >= 2:
            return n[len(p):]
    return n


def bare_forms(tok: str) -> list[str]:
    """Bare look-up keys for one raw or normalised token (with and without a leading و/ف/ب/ل/ك)."""
    b = _bare(tok)
    out = [b]
    n = norm(tok)
    if n[:1] in ("و", "ف", "ب", "ل", "ك") and len(n) >= 4:
        b2 = _bare(n[1:])
        if b2 != b:
            out.append(b2)
    return out


@dataclass
class Gazetteer:
    """Phrase gazetteer keyed by bare first token, plus cue-word sets."""

    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    name_tokens: frozenset[str] = frozenset()
    person_titles: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()
    loc_cues: frozenset[str] = frozenset()
    speech_cues: frozenset[str] = frozenset()
    country_names: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path | None = None) -> "Gazetteer":
        path = path or RESOURCES / "gazetteer.tsv"
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        name_tokens: set[str] = set()
        gpe: set[str] = set()
        per_entries: list[tuple[str, ...]] = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                ph, klass, _src = line.rstrip("\n").split("\t")
                toks = tuple(_bare(t) for t in ph.split(" ") if len(t) > 1)
                if not toks or (len(toks) == 1 and len(toks[0]) < 3):
                    continue
                phrases.setdefault(toks[0], []).append((toks, klass))
                if klass == "PER":
                    per_entries.append(toks[:3])
                elif klass == "GPE":
                    gpe.add(" ".join(toks))
        stop = {_bare(w) for w in PERSON_TITLES + ORG_HEADS + LOC_CUES}
        for toks in per_entries:
            name_tokens.update(t for t in toks if len(t) >= 3 and t not in stop and t not in phrases)
        for v in phrases.values():
            v.sort(key=lambda e: -len(e[0]))
        return cls(
            phrases=phrases,
            name_tokens=frozenset(name_tokens),
            person_titles=frozenset(_bare(w) for w in PERSON_TITLES) | frozenset(norm(w) for w in PERSON_TITLES),
            org_heads=frozenset(_bare(w) for w in ORG_HEADS),
            loc_cues=frozenset(_bare(w) for w in LOC_CUES),
            speech_cues=frozenset(norm(w) for w in SPEECH_CUES),
            country_names=frozenset(gpe),
        )

    def match(self, bares: list[list[str]]) -> list[list[str]]:
        """Longest-match gazetteer tags per token: e.g. ``['GPE-B']``, ``['ORG-I']``.

        ``bares[i]`` holds the bare keys of token i (see :func:`bare_forms`); only the first token may carry
        a proclitic, later tokens are compared on their first key. When two keys of the first token give
        matches of the same length, both classes count.
        """
        tags: list[list[str]] = [[] for _ in bares]
        for i, length, classes in self.spans(bares, range(len(bares)), 0, len(bares)):
            for klass in classes:
                tags[i].append(klass + "-B")
                for j in range(i + 1, i + length):
                    tags[j].append(klass + "-I")
        return tags

    def prepare(self) -> None:
        """Build the match index now rather than at the first match (a loader that caches the gazetteer
        keeps it built)."""
        self._index()

    def starts(self, keys) -> bool:
        """Some phrase begins with one of these bare keys."""
        return not self.phrases.keys().isdisjoint(keys)

    def spans(self, bares: list[list[str]], candidates, lo: int, hi: int) -> list[tuple[int, int, list[str]]]:
        """The longest matches ``(start, length, classes)`` within ``bares[lo:hi]``, left to right, tried at
        the ``candidates`` positions only (ascending; positions whose keys begin no phrase can be left out,
        which lets callers that know their tokens skip most of them)."""
        prefixes, complete = self._index()
        firsts = self.phrases  # keyed by the bare first token of its phrases
        out = []
        after = lo  # tokens before this are inside a match already made
        for i in candidates:
            if i < after:
                continue
            best = 0
            best_cls: list[str] = []
            for key in bares[i]:
                if key not in firsts:
                    continue
                cur = (key,)
                length, found = (1, cur) if cur in complete else (0, None)
                j = i + 1
                while j < hi:
                    cur = cur + (bares[j][0],)
                    if cur not in prefixes:
                        break
                    j += 1
                    if cur in complete:
                        length, found = j - i, cur
                if found is None or length < best:
                    continue
                if length > best:
                    best, best_cls = length, []
                best_cls.extend(k for k in complete[found] if k not in best_cls)
            if best:
                out.append((i, best, best_cls))
                after = i + best
        return out

    def _index(self) -> tuple[frozenset, dict[tuple[str, ...], list[str]]]:
        """Every phrase prefix, and each phrase's classes in file order (built once from ``phrases``, on first
        use or by :meth:`prepare`)."""
        idx = self.__dict__.get("_idx")
        if idx is None:
            prefixes: set[tuple[str, ...]] = set()
            complete: dict[tuple[str, ...], list[str]] = {}
            for entries in self.phrases.values():
                for toks, klass in entries:
                    prefixes.update(toks[:k] for k in range(1, len(toks) + 1))
                    classes = complete.setdefault(toks, [])
                    if klass not in classes:
                        classes.append(klass)
            idx = self.__dict__["_idx"] = (frozenset(prefixes), complete)
        return idx
