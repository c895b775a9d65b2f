"""Events as a GDELT-like table: one event a line, tab-separated, with a header line.

``events_tsv(pages, out)`` reads Pages (as ``marsad analyze`` writes them, rebuilt with
``marsad.records.page_from_dict``) and writes every event of every article. Tabs and line breaks inside a
field become spaces; booleans are ``1``/``0``; a missing value is an empty field.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TextIO

from marsad.records import Article, Entity, Page

COLUMNS = (
    "date", "source_actor", "source_name", "source_country", "source_code",
    "event_type", "event_mode", "cameo_root",
    "target_actor", "target_name", "target_country", "target_code",
    "location_name", "location_country", "negated", "modality", "trigger",
    "event_id", "article_id", "outlet", "url",
)

# Default CAMEO root of each PLOVER type (the lexicon refines it by mode).
TYPE_ROOT = {"AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
             "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
             "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18"}


@lru_cache(maxsize=1)
def _mode_roots() -> dict[tuple[str, str | None], str]:
    from marsad.events.lexicon import load_lexicon

    lex = load_lexicon()
    out: dict[tuple[str, str | None], str] = {}
    entries = list(lex.words.values()) + [e for bucket in lex.phrases.values() for _, e in bucket]
    for e in entries:
        out.setdefault((e.type, e.mode), e.cameo[:2])
    return out


def cameo_root(event_type: str, mode: str | None) -> str:
    return _mode_roots().get((event_type, mode)) or TYPE_ROOT.get(event_type, "")


def _clean(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    return " ".join(str(v).split())


def _actor(ent: Entity | None) -> list:
    if ent is None:
        return ["", "", "", ""]
    return [ent.actor or "", ent.name, ent.country or "", ent.code or ""]


def event_rows(page: Page) -> Iterable[list[str]]:
    url = page.source.uri
    for art in page.articles:
        yield from article_rows(art, url)


def article_rows(art: Article, url: str | None = None) -> Iterable[list[str]]:
    ents = {e.id: e for e in art.entities}
    for ev in art.events:
        loc = ents.get(ev.location) if ev.location else None
        row = [ev.date or art.published, *_actor(ents.get(ev.source)), ev.type, ev.mode,
               cameo_root(ev.type, ev.mode), *_actor(ents.get(ev.target)),
               loc.name if loc else "", (loc.country or "") if loc else "", ev.negated, ev.modality,
               ev.trigger.text, ev.id, art.id, art.outlet, url]
        yield [_clean(v) for v in row]


def events_tsv(pages: Iterable[Page], out: TextIO) -> int:
    """Write the header and one line per event; returns the number of events written."""
    out.write("\t".join(COLUMNS) + "\n")
    n = 0
    for page in pages:
        for row in event_rows(page):
            out.write("\t".join(row) + "\n")
            n += 1
    return n
