"""Checks on a page that comes from outside the pipeline (``POST /api/pages``) before it is stored.

The pipeline's own pages satisfy these by construction; a submitted page must not put inconsistent
records in the store (spans outside the body, ids that do not follow the format, unknown kinds).
"""

from __future__ import annotations

import re

from marsad.errors import UsageError
from marsad.records import SCHEMA, Page

_SHA = re.compile(r"^[0-9a-f]{64}$")
KINDS = {"text", "html", "warc", "feed", "jsonl", "csv"}
ENTITY_TYPES = {"PER", "ORG", "GPE", "LOC", "NORP", "MISC"}
MAX_ARTICLES = 200


def _fail(where: str, msg: str):
    raise UsageError(f"{where}: {msg}")


def _span(body: str, s, where: str, *, check_text: bool = True) -> None:
    if not (isinstance(s.start, int) and isinstance(s.end, int) and 0 <= s.start <= s.end <= len(body)):
        _fail(where, f"span [{s.start}, {s.end}) outside the body")
    if check_text and body[s.start:s.end] != s.text:
        _fail(where, f"body[{s.start}:{s.end}] is not {s.text!r}")


def _str(v, where: str, *, null: bool = True) -> None:
    if v is None and null:
        return
    if not isinstance(v, str):
        _fail(where, "expected a string")


def validate_page(page: Page, *, where: str = "page") -> None:
    """Raise :class:`UsageError` naming the first problem; return quietly when the page is consistent."""
    if page.schema != SCHEMA:
        _fail(where, f"schema must be {SCHEMA!r}")
    src = page.source
    if not isinstance(src.sha256, str) or not _SHA.match(src.sha256):
        _fail(where, "source.sha256 must be 64 lowercase hex digits")
    if src.kind not in KINDS:
        _fail(where, f"source.kind must be one of {sorted(KINDS)}")
    _str(src.uri, f"{where}.source.uri")
    if not isinstance(src.bytes, int) or src.bytes < 0:
        _fail(where, "source.bytes must be a non-negative integer")
    if len(page.articles) > MAX_ARTICLES:
        _fail(where, f"more than {MAX_ARTICLES} articles")
    for i, a in enumerate(page.articles):
        w = f"{where}.articles[{i}]"
        if a.id != f"{src.sha256[:12]}-{i}":
            _fail(w, f"id must be {src.sha256[:12]}-{i}")
        if a.role not in ("main", "related"):
            _fail(w, "role must be 'main' or 'related'")
        _str(a.body, f"{w}.body", null=False)
        for name in ("title", "published", "published_text", "outlet", "credit"):
            _str(getattr(a, name), f"{w}.{name}")
        if a.published is not None and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?([T ][0-9:.+\-Z]*)?$", a.published):
            _fail(w, "published must be an ISO 8601 date")
        body = a.body
        for t in a.dates:
            _span(body, t, f"{w}.dates")
        ids = set()
        for e in a.entities:
            if e.type not in ENTITY_TYPES:
                _fail(f"{w}.entities", f"type must be one of {sorted(ENTITY_TYPES)}")
            _str(e.name, f"{w}.entities.name", null=False)
            for x in (e.name_latin, e.actor, e.country, e.code):
                _str(x, f"{w}.entities")
            ids.add(e.id)
            for m in e.mentions:
                _span(body, m, f"{w}.entities[{e.id}].mentions")
        for q in a.quotes:
            _span(body, q, f"{w}.quotes[{q.id}]")
            for ref in (q.speaker, q.via):
                if ref is not None and ref not in ids:
                    _fail(f"{w}.quotes[{q.id}]", f"unknown entity {ref!r}")
        for v in a.events:
            _span(body, v.trigger, f"{w}.events[{v.id}].trigger")
            s = v.sentence
            if len(s) != 2 or not all(isinstance(x, int) for x in s) or not 0 <= s[0] <= s[1] <= len(body):
                _fail(f"{w}.events[{v.id}]", "sentence span outside the body")
            for ref in (v.source, v.target, v.location):
                if ref is not None and ref not in ids:
                    _fail(f"{w}.events[{v.id}]", f"unknown entity {ref!r}")
            _str(v.type, f"{w}.events.type", null=False)
