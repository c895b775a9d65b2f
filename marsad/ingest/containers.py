"""``read_bytes``: dispatch one blob by kind, and open the containers that hold other inputs (zip, tar, gzip).

Errors are yielded, never raised, so one bad unit never stops a batch: a bad unit inside a container
yields its error (``source`` = the unit's uri) and reading goes on; a container that breaks yields what
it read so far and then a ``FormatError``.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from marsad.errors import FormatError, InputTooLargeError, MarsadError
from marsad.ingest.decode import decode_bytes, meta_charset
from marsad.ingest.document import Document
from marsad.ingest.gz import gunzip, gunzip_head, gzip_problem
from marsad.ingest.sniff import SNIFF_KINDS, sniff_kind

DEFAULT_MAX_BYTES = 20_000_000
_MAX_DEPTH = 4  # zip in gzip in zip...: deeper nesting is a zip bomb, not news


@dataclass(frozen=True)
class _Options:
    text_field: str
    html_field: str | None
    max_bytes: int


def read_bytes(
    data: bytes,
    *,
    uri: str | None = None,
    kind: str | None = None,
    text_field: str = "text",
    html_field: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | MarsadError]:
    """Yield one Document per input unit in ``data``, or the error for a unit that cannot be one.

    Args:
        data: raw bytes of a file, stream or container.
        uri: where the bytes came from (``-`` when not given); units inside get ``uri#row`` (rows,
            1-based) or ``uri!member`` (zip and tar members) uris.
        kind: force a kind (see ``sniff_kind``) instead of sniffing.
        text_field: the JSONL/JSON/CSV column holding the text (falls back to content/text/body).
        html_field: a column holding HTML to extract, if any.
        max_bytes: the most bytes any decompressed member may grow to.

    Yields:
        ``Document``s, and ``MarsadError``s (never raised) for units or containers that cannot be read,
        each with ``source`` set.
    """
    options = _Options(text_field=text_field, html_field=html_field, max_bytes=max_bytes)
    yield from _read(data, uri, kind, options, depth=0)


def _read(data: bytes, uri: str | None, kind: str | None, options: _Options, depth: int):
    where = uri or "-"
    if kind is not None and kind not in SNIFF_KINDS:
        yield FormatError(f"unknown input kind {kind!r}", source=where)
        return
    try:
        kind = kind or sniff_kind(data, uri)
        yield from _dispatch(data, uri, kind, options, depth)
    except MarsadError as exc:
        exc.source = exc.source or where
        yield exc
    except (RecursionError, MemoryError) as exc:
        yield FormatError(f"{kind} input too deeply nested or too large: {type(exc).__name__}", source=where)
    except Exception as exc:  # the contract is errors as values: a parser bug must not end a batch
        yield FormatError(f"unreadable {kind} input: {type(exc).__name__}: {exc}", source=where)


def _dispatch(data: bytes, uri: str | None, kind: str, options: _Options, depth: int):
    from marsad.ingest import feeds, tables, warc  # local: keep importing marsad.ingest cheap

    fields = {"text_field": options.text_field, "html_field": options.html_field}
    if kind == "text":
        yield _single_document(data, uri, declared=None)
    elif kind == "html":
        yield _single_document(data, uri, declared=meta_charset(data), as_html=True)
    elif kind == "jsonl":
        yield from tables.read_jsonl(data, uri=uri, **fields)
    elif kind == "json":
        yield from tables.read_json(data, uri=uri, **fields)
    elif kind == "csv":
        yield from tables.read_csv(data, uri=uri, **fields)
    elif kind == "warc":
        yield from warc.read_warc(data, uri=uri, max_bytes=options.max_bytes)
    elif kind == "feed":
        yield from feeds.read_feed(data, uri=uri)
    elif kind == "zip":
        yield from _read_zip(data, uri, options, depth)
    elif kind == "gzip":
        yield from _read_gzip(data, uri, options, depth)
    elif kind == "tar":
        yield from _read_tar(data, uri, options, depth)


def _single_document(data: bytes, uri: str | None, *, declared: str | None, as_html: bool = False):
    try:
        text, encoding = decode_bytes(data, declared=declared)
    except MarsadError as exc:
        exc.source = uri or "-"
        return exc
    return Document(
        uri=uri or "-",
        kind="html" if as_html else "text",
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        nbytes=len(data),
        text=None if as_html else text,
        html=text if as_html else None,
    )


def _read_zip(data: bytes, uri: str | None, options: _Options, depth: int):
    import zipfile

    base = uri or "-"
    if depth >= _MAX_DEPTH:
        yield FormatError("containers nested too deeply", source=base)
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = sorted((m for m in archive.infolist() if not m.is_dir()), key=lambda m: m.filename)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        yield FormatError(f"zip archive unreadable: {exc}", source=base)
        return
    with archive:
        for member in members:
            name = member.filename
            where = f"{base}!{name}"
            if name.startswith("__MACOSX/") or name.rsplit("/", 1)[-1].startswith("."):
                continue  # resource forks and hidden files, as read_path skips them on disk
            if member.file_size > options.max_bytes:
                yield InputTooLargeError(f"zip member is {member.file_size} bytes, over {options.max_bytes}",
                                         source=where)
                continue
            try:
                with archive.open(member) as handle:
                    payload = handle.read(options.max_bytes + 1)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError,
                    RuntimeError) as exc:
                yield FormatError(f"zip member unreadable: {type(exc).__name__}: {exc}", source=where)
                continue
            if len(payload) > options.max_bytes:
                yield InputTooLargeError(f"zip member inflates past {options.max_bytes} bytes", source=where)
                continue
            yield from _read(payload, where, None, options, depth + 1)


def _read_tar(data: bytes, uri: str | None, options: _Options, depth: int, *, compressed: bool = False):
    """Each regular file of a tar (or, streamed without inflating it whole, a .tar.gz), uri ``tar!member``.

    Members come in archive order: a stream cannot be sorted without holding it, and the order is the
    archive's own, so it is stable.
    """
    import tarfile

    base = uri or "-"
    if depth >= _MAX_DEPTH:
        yield FormatError("containers nested too deeply", source=base)
        return
    count = 0
    # tarfile takes a cut-off header for the end of the archive: check the ends ourselves.
    cut = gzip_problem(data) if compressed else None
    try:
        archive = tarfile.open(fileobj=io.BytesIO(data), mode="r|gz" if compressed else "r|")
        for member in archive:
            count += 1
            if not member.isfile():
                continue
            name = member.name[2:] if member.name.startswith("./") else member.name
            where = f"{base}!{name}"
            if any(part.startswith(".") for part in name.split("/")):
                continue  # hidden files, as read_path skips them on disk
            if member.size > options.max_bytes:
                yield InputTooLargeError(f"tar member is {member.size} bytes, over {options.max_bytes}",
                                         source=where)
                continue
            handle = archive.extractfile(member)
            payload = handle.read(member.size) if handle else b""
            if len(payload) < member.size:
                yield FormatError("tar member is cut short", source=where)
                return
            yield from _read(payload, where, None, options, depth + 1)
    except (tarfile.TarError, OSError, EOFError, ValueError, zlib.error) as exc:
        what = "unreadable" if count == 0 else f"truncated or corrupt after {count} members"
        yield FormatError(f"tar archive {what}: {exc}", source=base)
        return
    if not compressed and archive.offset + 2 * tarfile.BLOCKSIZE > len(data):
        cut = "is truncated (no end-of-archive blocks)"
    if cut:
        yield FormatError(f"tar archive {cut} after {count} members", source=base)


def _read_gzip(data: bytes, uri: str | None, options: _Options, depth: int):
    base = uri or "-"
    if depth >= _MAX_DEPTH:
        yield FormatError("containers nested too deeply", source=base)
        return
    inner_uri = base[:-3] if base.lower().endswith(".gz") else base
    if gunzip_head(data)[257:262] == b"ustar":
        yield from _read_tar(data, base, options, depth, compressed=True)
        return
    payload, problem = gunzip(data, options.max_bytes)
    if problem is None:
        # The inner name (x.jsonl for x.jsonl.gz) guides sniffing; uris keep the real file name.
        yield from _read(payload, base, sniff_kind(payload, inner_uri), options, depth + 1)
        return
    if isinstance(problem, InputTooLargeError):
        problem.source = base
        yield problem
        return
    # Truncated: rows that arrived whole are still good; anything else is lost with the stream.
    inner = sniff_kind(payload, inner_uri) if payload else None
    if inner == "jsonl" and b"\n" in payload:
        complete = payload[: payload.rindex(b"\n") + 1]
        yield from _read(complete, base, "jsonl", options, depth + 1)
    elif inner == "json":
        for item in _read(payload, base, "json", options, depth + 1):
            if isinstance(item, Document):
                yield item  # the cut-off element's own error is the truncation reported below
    problem.source = base
    yield problem
