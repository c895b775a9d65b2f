"""The recent-news NER dev set (``eval/ner/recent_dev.jsonl``): load it and score an entity finder on it.

The file holds article ids, body offsets and types only. Bodies are rebuilt from the shared data with the quote
gold set's loader and body rule (:mod:`marsad.quotes.evaluate`: SaudiNewsNet ``day`` + ``index``, ANT
``docno``; paragraphs stripped and joined with ``\\n``) and checked against ``body_sha256``.

Scoring is exact-span, entity level, with CoNLL token semantics: both gold and predicted spans are widened to
the :func:`marsad.text.tokenize` tokens they touch, so a clitic-attached mention («لروسيا») counts as its
token, as in ANERcorp. Two views: ``strict`` (PER ORG GPE LOC MISC) and ``place`` (GPE and LOC as one class).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from marsad.entities.conll import score_sets

GOLD_FILE = Path(__file__).resolve().parents[2] / "eval" / "ner" / "recent_dev.jsonl"
#: 11 more articles annotated the same way after the rules were written, never used to change them.
HELDOUT_FILE = GOLD_FILE.with_name("recent_heldout.jsonl")
TYPES = ("PER", "ORG", "GPE", "LOC", "MISC")
PLACE = {"GPE": "PLACE", "LOC": "PLACE"}

Span = tuple[int, int, str]


@dataclass(frozen=True)
class DevArticle:
    id: str
    body: str
    entities: tuple[Span, ...]


def available(root: Path) -> bool:
    """Whether the shared data sets the dev set reads from are under ``root``."""
    return (root / "SaudiNewsNet" / "dataset").is_dir() and (root / "ANT-Corpus" / "antcorpus_v1.1.jsonl").exists()


def load(root: Path | None = None, path: Path = GOLD_FILE) -> list[DevArticle]:
    """The dev articles with their bodies rebuilt from ``root`` (default: the shared data folder)."""
    from marsad.quotes.evaluate import read_gold_rows

    return [DevArticle(row["id"], body, tuple((a, b, t) for a, b, t in row["entities"]))
            for row, body in read_gold_rows(path, root, need_digest=True)]


def _widener(body: str) -> Callable[[int, int], tuple[int, int]]:
    from marsad.text import tokenize

    toks = tokenize(body)
    starts = [t.start for t in toks]

    def widen(s: int, e: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, s) - 1
        j = bisect.bisect_right(starts, e - 1) - 1
        a = toks[i].start if i >= 0 and toks[i].end > s else s
        b = toks[j].end if j >= 0 and toks[j].end >= e else e
        return a, b

    return widen


def score(articles: Iterable[DevArticle], predicted: Iterable[Iterable[Span]], places: bool = False,
          errors: list | None = None) -> dict:
    """Micro and per-type P/R/F1 of ``predicted`` (one span list per article) against the gold spans.

    With ``places=True`` GPE and LOC are one class ``PLACE``. ``errors``, if given, collects
    ``(article id, "fn"|"fp", start, end, type, text)`` for every miss.
    """
    def norm(spans, widen):
        out = set()
        for s, e, t in spans:
            t = PLACE.get(t, t) if places else t
            if t in TYPES or t == "PLACE":
                out.add((*widen(s, e), t))
        return out

    def pairs():
        for art, pred in zip(articles, predicted):
            widen = _widener(art.body)
            g, p = norm(art.entities, widen), norm(pred, widen)
            if errors is not None:
                errors.extend((art.id, "fn", a, b, t, art.body[a:b]) for a, b, t in sorted(g - p))
                errors.extend((art.id, "fp", a, b, t, art.body[a:b]) for a, b, t in sorted(p - g))
            yield g, p

    return score_sets(pairs())


def evaluate(find: Callable[[str], list[Span]], root: Path | None = None, path: Path = GOLD_FILE) -> dict:
    """Score ``find`` (text → spans, e.g. ``NerTagger.find``) on the dev set (or ``HELDOUT_FILE``): strict and
    place views."""
    arts = load(root, path)
    pred = [find(a.body) for a in arts]
    return {"articles": len(arts), "entities": sum(len(a.entities) for a in arts),
            "gold_types": dict(Counter(t for a in arts for *_, t in a.entities)),
            "strict": score(arts, pred), "place": score(arts, pred, places=True)}
