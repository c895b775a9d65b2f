"""RSS and Atom feeds: one Document per item, its content (or summary) as HTML or plain text."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterator

from marsad.errors import EmptyInputError, FormatError, MarsadError
from marsad.ingest.decode import codec_name, is_blank
from marsad.ingest.document import Document

_TAG = re.compile(r"<[A-Za-z][^>]*>")


def read_feed(data: bytes, *, uri: str | None) -> Iterator[Document | MarsadError]:
    """Parse a feed from bytes (never a URL: feedparser would fetch it) into per-item Documents."""
    import feedparser  # imported on use: only feeds need it

    base = uri or "-"
    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # feedparser is lenient, but a hostile document can still break it
        yield FormatError(f"feed unreadable: {type(exc).__name__}: {exc}", source=base)
        return
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        if problem is not None:
            yield FormatError(f"feed unreadable: {problem}", source=base)
        else:
            yield EmptyInputError("feed has no items", source=base)
        return
    outlet = (parsed.get("feed") or {}).get("title") or None
    encoding = parsed.get("encoding") or None
    encoding = codec_name(encoding) or encoding if encoding else None
    for number, entry in enumerate(entries, start=1):
        yield _entry_document(entry, where=entry.get("link") or f"{base}#{number}", outlet=outlet,
                              encoding=encoding)


def _entry_document(entry, *, where: str, outlet: str | None, encoding: str | None) -> Document | MarsadError:
    body = None
    for item in entry.get("content") or []:
        if (item.get("value") or "").strip():
            body = item["value"]
            break
    if body is None:
        body = entry.get("summary") or entry.get("description") or ""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    if is_blank(body):
        return EmptyInputError("feed item has no content or summary", source=where)
    raw = body.encode("utf-8")
    is_html = bool(_TAG.search(body))
    return Document(
        uri=where,
        kind="feed",
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
        nbytes=len(raw),
        text=None if is_html else body,
        html=body if is_html else None,
        title=(entry.get("title") or "").strip() or None,
        published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        outlet=outlet,
    )


def _iso(parsed: time.struct_time | None) -> str | None:
    """feedparser gives UTC struct_time; a date-time with offset when the feed had a time of day."""
    if not parsed:
        return None
    try:
        date = time.strftime("%Y-%m-%d", parsed)
        if parsed.tm_hour or parsed.tm_min or parsed.tm_sec:
            return date + time.strftime("T%H:%M:%S+00:00", parsed)
        return date
    except (ValueError, TypeError, OverflowError):
        return None
