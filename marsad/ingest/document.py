"""The unit the ingest stage hands to segmentation: one input document, before any analysis."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("text", "html", "warc", "feed", "jsonl", "csv")


@dataclass(frozen=True)
class Document:
    """One input unit (a file, a WARC record, a feed item, a JSONL/CSV row) before segmentation.

    Exactly one of ``text`` or ``html`` is normally set: ``html`` when the unit still needs main-text
    extraction, ``text`` when it is already plain scraped text.
    """

    uri: str | None
    kind: str
    sha256: str
    encoding: str | None
    nbytes: int
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    id: str | None = None
