"""WARC and WARC.gz: one Document per ``response`` (or ``resource``) record that holds a page.

Request, metadata, revisit and warcinfo records are not pages and are skipped without an error. A record
whose payload cannot be decoded is an error for that record; an archive that breaks (truncated gzip, bad
header) yields the records read so far and then a ``FormatError``.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from urllib.parse import urlsplit

from marsad.errors import FormatError, InputTooLargeError, MarsadError
from marsad.ingest.decode import decode_bytes, meta_charset
from marsad.ingest.document import Document
from marsad.ingest.gz import gzip_problem

_PAGE_RECORDS = ("response", "resource")


def read_warc(data: bytes, *, uri: str | None, max_bytes: int = 20_000_000) -> Iterator[Document | MarsadError]:
    """Read every page record of a (possibly gzipped) WARC held in memory."""
    from warcio.archiveiterator import ArchiveIterator  # imported on use: warcio is only needed for WARC

    base = uri or "-"
    # warcio stops quietly at a truncated gzip member: check the compressed stream ourselves.
    gz_problem = gzip_problem(data) if data[:2] == b"\x1f\x8b" else None
    records = iter(ArchiveIterator(io.BytesIO(data), check_digests=False))
    number = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as exc:  # warcio raises ArchiveLoadFailed, EOFError, zlib.error, ValueError...
            yield FormatError(f"WARC archive unreadable after {number} records: {type(exc).__name__}: {exc}",
                              source=base)
            return
        number += 1
        if not record.rec_type:
            yield FormatError(f"WARC record {number} has no WARC-Type", source=f"{base}#{number}")
            continue
        target = record.rec_headers.get_header("WARC-Target-URI") or f"{base}#{number}"
        item = None
        if record.rec_type in _PAGE_RECORDS:
            try:
                item = _record_document(record, target, max_bytes)
            except MarsadError as exc:
                exc.source = target
                item = exc
            except Exception as exc:  # a payload warcio cannot parse: this record only
                item = FormatError(f"WARC record unreadable: {type(exc).__name__}: {exc}", source=target)
        if _cut_short(record):
            yield FormatError(f"WARC archive is truncated inside record {number}", source=base)
            return
        if item is not None:
            yield item
    if gz_problem:
        yield FormatError(f"WARC archive {gz_problem} after {number} records", source=base)
    elif number == 0:
        yield FormatError("no WARC records found", source=base)


def _cut_short(record) -> bool:
    """True when the archive ended before the record's declared Content-Length."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    return getattr(stream, "limit", 0) > 0


def _record_document(record, target: str, max_bytes: int) -> Document | None:
    content_type = ""
    if record.http_headers is not None:
        content_type = record.http_headers.get_header("Content-Type") or ""
    if not content_type:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    ctype = content_type.split(";", 1)[0].strip().lower()
    if ctype and not (ctype.startswith("text/") or "html" in ctype or "xml" in ctype):
        return None  # images, scripts, PDFs: not news text
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        raise InputTooLargeError(f"WARC record payload is over {max_bytes} bytes")
    declared = _header_charset(content_type) or meta_charset(payload)
    text, encoding = decode_bytes(payload, declared=declared)
    is_html = "html" in ctype or (not ctype or ctype == "text/xml") and "<" in text[:2048] and ">" in text[:4096]
    host = urlsplit(target).hostname if "://" in target else None
    if host and host.startswith("www."):
        host = host[4:]
    return Document(
        uri=target,
        kind="warc",
        sha256=hashlib.sha256(payload).hexdigest(),
        encoding=encoding,
        nbytes=len(payload),
        text=None if is_html else text,
        html=text if is_html else None,
        outlet=host,
    )


def _header_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
