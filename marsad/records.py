"""The record model: frozen dataclasses matching ``shared/docs/record-format.md`` (schema ``marsad.page/1``).

Every annotation is a span into its article's ``body``; ``body[start:end] == text`` always holds.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

SCHEMA = "marsad.page/1"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Record:
    def to_dict(self) -> dict:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def replace(self, **changes):
        """A copy with ``changes``, as ``dataclasses.replace`` makes it but without calling ``__init__`` field by
        field (each stage copies its article; the records have no ``__post_init__`` nor init-less fields)."""
        unknown = changes.keys() - self.__dataclass_fields__.keys()
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__, **changes)
        return new


@dataclass(frozen=True)
class Span(_Record):
    text: str
    start: int
    end: int

    def to_dict(self) -> dict:  # spelled out: pages hold thousands of these, and the generic walk is slow
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class TimeExpr(_Record):
    text: str
    start: int
    end: int
    value: str | None
    kind: str  # absolute, relative, weekday, duration, other

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value, "kind": self.kind}


@dataclass(frozen=True)
class Entity(_Record):
    id: str
    type: str  # PER, ORG, GPE, LOC, NORP, MISC
    name: str
    mentions: tuple[Span, ...]
    name_latin: str | None = None
    actor: str | None = None
    country: str | None = None
    code: str | None = None
    roles: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "id": self.id, "type": self.type, "name": self.name, "name_latin": self.name_latin,
            "actor": self.actor, "country": self.country, "code": self.code,
            "roles": list(self.roles), "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True)
class Quote(_Record):
    id: str
    text: str
    start: int
    end: int
    direct: bool
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    via: str | None = None
    date: str | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "text": self.text, "start": self.start, "end": self.end, "direct": self.direct,
                "speaker": self.speaker, "speaker_text": self.speaker_text, "cue": self.cue, "via": self.via,
                "date": self.date}


@dataclass(frozen=True)
class Event(_Record):
    id: str
    type: str
    trigger: Span
    sentence: tuple[int, int]
    mode: str | None = None
    source: str | None = None
    target: str | None = None
    location: str | None = None
    negated: bool = False
    modality: str = "asserted"
    date: str | None = None
    quote: str | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id, "type": self.type, "mode": self.mode, "source": self.source,
            "target": self.target, "location": self.location, "trigger": self.trigger.to_dict(),
            "sentence": list(self.sentence), "negated": self.negated, "modality": self.modality,
            "date": self.date, "quote": self.quote,
        }


@dataclass(frozen=True)
class Section(_Record):
    heading: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"heading": self.heading, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Article(_Record):
    id: str
    role: str  # main or related
    title: str | None
    body: str
    published: str | None = None
    published_text: str | None = None
    outlet: str | None = None
    credit: str | None = None
    paragraphs: tuple[tuple[int, int], ...] = ()
    sections: tuple[Section, ...] = ()
    truncated: bool = False
    dates: tuple[TimeExpr, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()

    def to_dict(self) -> dict:
        return {
            "id": self.id, "role": self.role, "title": self.title, "published": self.published,
            "published_text": self.published_text, "outlet": self.outlet, "credit": self.credit,
            "body": self.body, "paragraphs": [list(p) for p in self.paragraphs],
            "sections": [s.to_dict() for s in self.sections], "truncated": self.truncated,
            "dates": [d.to_dict() for d in self.dates],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
        }


@dataclass(frozen=True)
class Source(_Record):
    uri: str | None
    kind: str  # text, html, warc, feed, jsonl, csv
    sha256: str
    encoding: str | None
    bytes: int
    id: str | None = None  # the row's own id for JSONL/CSV inputs

    def to_dict(self) -> dict:
        d = {"uri": self.uri, "kind": self.kind, "sha256": self.sha256,
             "encoding": self.encoding, "bytes": self.bytes}
        if self.id is not None:
            d["id"] = self.id
        return d


@dataclass(frozen=True)
class Page(_Record):
    source: Source
    articles: tuple[Article, ...] = ()
    warnings: tuple[str, ...] = ()
    schema: str = SCHEMA

    def to_dict(self) -> dict:
        return {
            "schema": self.schema, "source": self.source.to_dict(),
            "articles": [a.to_dict() for a in self.articles], "warnings": list(self.warnings),
        }

    @property
    def main(self) -> Article | None:
        return self.articles[0] if self.articles else None


def article_id(sha256: str, index: int) -> str:
    return f"{sha256[:12]}-{index}"


def _spans(items, cls):
    return tuple(cls(**i) for i in items)


def page_from_dict(d: dict) -> Page:
    """Rebuild a Page from its JSON form (store, Spark and tests read records back)."""
    src = dict(d["source"])
    arts = []
    for a in d.get("articles", []):
        ents = tuple(
            Entity(id=e["id"], type=e["type"], name=e["name"], name_latin=e.get("name_latin"),
                   actor=e.get("actor"), country=e.get("country"), code=e.get("code"),
                   roles=tuple(e.get("roles", ())), mentions=_spans(e.get("mentions", ()), Span))
            for e in a.get("entities", ()))
        evs = tuple(
            Event(id=v["id"], type=v["type"], mode=v.get("mode"), source=v.get("source"),
                  target=v.get("target"), location=v.get("location"), trigger=Span(**v["trigger"]),
                  sentence=tuple(v["sentence"]), negated=v.get("negated", False),
                  modality=v.get("modality", "asserted"), date=v.get("date"), quote=v.get("quote"))
            for v in a.get("events", ()))
        arts.append(Article(
            id=a["id"], role=a["role"], title=a.get("title"), body=a["body"],
            published=a.get("published"), published_text=a.get("published_text"),
            outlet=a.get("outlet"), credit=a.get("credit"),
            paragraphs=tuple(tuple(p) for p in a.get("paragraphs", ())),
            sections=_spans(a.get("sections", ()), Section), truncated=a.get("truncated", False),
            dates=_spans(a.get("dates", ()), TimeExpr), entities=ents,
            quotes=_spans(a.get("quotes", ()), Quote), events=evs))
    return Page(source=Source(**src), articles=tuple(arts), warnings=tuple(d.get("warnings", ())),
                schema=d.get("schema", SCHEMA))
