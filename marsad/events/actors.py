"""A small actor gazetteer (countries, nationalities, agents, UniversalPetrarch actors) as an entity provider.

The events stage itself only reads ``Article.entities``; this module stands in for the entity stage where
there is none (the gold-set evaluation, quick experiments): ``entities_for(text)`` returns Entities with
country and CAMEO-style code, each mention a span into ``text``.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.events.lexicon import RESOURCES
from marsad.records import Entity, Span
from marsad.text import tokenize

MAX_WORDS = 4


@lru_cache(maxsize=1)
def load_actors() -> dict[str, tuple[str, str | None, str | None]]:
    out = {}
    with (RESOURCES / "actors.tsv").open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, typ, country, code = line.rstrip("\n").split("\t")
            out[name] = (typ, country or None, code or None)
    return out


def entities_for(text: str) -> tuple[Entity, ...]:
    """Entities found by longest gazetteer match over ``text``'s tokens (proclitics stripped on the first)."""
    actors = load_actors()
    toks = tokenize(text)
    found: dict[str, list[Span]] = {}
    info: dict[str, tuple[str, str | None, str | None]] = {}
    i = 0
    while i < len(toks):
        hit = None
        for n in range(min(MAX_WORDS, len(toks) - i), 0, -1):
            rest = " ".join(t.norm for t in toks[i + 1:i + n])
            for first in toks[i].forms:
                key = f"{first} {rest}" if rest else first
                if key in actors:
                    hit = (n, key)
                    break
            if hit:
                break
        if hit is None:
            i += 1
            continue
        n, key = hit
        s, e = toks[i].start, toks[i + n - 1].end
        found.setdefault(key, []).append(Span(text[s:e], s, e))
        info[key] = actors[key]
        i += n
    ents = []
    for k, (key, spans) in enumerate(found.items(), 1):
        typ, country, code = info[key]
        ents.append(Entity(id=f"e{k}", type=typ, name=spans[0].text, mentions=tuple(spans), country=country,
                           code=code))
    return tuple(ents)
