"""Helpers for the quote tests: articles built by hand from sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad.records import Article, Entity, Span, TimeExpr


def make_article(body: str, entities=(), dates=(), published: str | None = "2024-11-19") -> Article:
    return Article(id="t-0", role="main", title=None, body=body, published=published,
                   entities=tuple(entities), dates=tuple(dates))


def entity(body: str, eid: str, typ: str, *surfaces: str, occurrence: int = 0) -> Entity:
    """An entity whose mentions are every occurrence of each surface in ``body``."""
    mentions = []
    for s in surfaces:
        i = body.find(s)
        while i >= 0:
            mentions.append(Span(s, i, i + len(s)))
            i = body.find(s, i + 1)
    mentions.sort(key=lambda m: m.start)
    return Entity(id=eid, type=typ, name=surfaces[0], mentions=tuple(mentions))


def time_expr(body: str, text: str, value: str, kind: str = "relative") -> TimeExpr:
    i = body.index(text)
    return TimeExpr(text, i, i + len(text), value, kind)


@pytest.fixture
def article():
    return make_article
