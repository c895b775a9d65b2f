"""Build small articles by hand: entities are given as (id, type, surface, country) and found in the body."""

from __future__ import annotations

from marsad.records import Article, Entity, Quote, Span, TimeExpr


def article(body: str, entities=(), *, published: str | None = "2024-03-10", quotes=(), dates=()) -> Article:
    ents = []
    for ident, typ, surface, country in entities:
        spans, start = [], body.find(surface)
        while start >= 0:
            spans.append(Span(surface, start, start + len(surface)))
            start = body.find(surface, start + len(surface))
        assert spans, f"{surface!r} not in body"
        ents.append(Entity(ident, typ, surface, tuple(spans), country=country))
    qs = []
    for ident, text, speaker in quotes:
        s = body.index(text)
        qs.append(Quote(ident, text, s, s + len(text), True, speaker=speaker))
    ds = []
    for text, value in dates:
        s = body.index(text)
        ds.append(TimeExpr(text, s, s + len(text), value, "relative"))
    return Article(id="t-0", role="main", title=None, body=body, published=published, entities=tuple(ents),
                   quotes=tuple(qs), dates=tuple(ds))


def only(events, event_type):
    found = [e for e in events if e.type == event_type]
    assert found, f"no {event_type} in {[(e.type, e.trigger.text) for e in events]}"
    return found[0]
