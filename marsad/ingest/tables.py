"""Row containers: JSONL, JSON arrays (the SaudiNewsNet shape) and CSV, one Document per row.

A bad row becomes an error for that row (``file#n``) and reading goes on; a JSON array that breaks
mid-way cannot be resynchronised, so it yields what it read and then a ``FormatError``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator, Mapping

from marsad.errors import EmptyInputError, FormatError, MarsadError
from marsad.ingest.decode import decode_bytes, is_blank, repair_mojibake
from marsad.ingest.document import Document

# Column names tried, in order, for each piece of metadata.
BODY_FALLBACKS = ("content", "text", "body")
TITLE_COLUMNS = ("title",)
DATE_COLUMNS = ("published", "date", "time", "date_extracted")
OUTLET_COLUMNS = ("outlet", "source", "src")
ID_COLUMNS = ("id", "docno")

_DECODER = json.JSONDecoder()


def read_jsonl(
    data: bytes, *, uri: str | None, text_field: str = "text", html_field: str | None = None
) -> Iterator[Document | MarsadError]:
    """One Document per non-blank line; a line that is not a JSON object is a ``FormatError`` for it."""
    base = uri or "-"
    lines, encoding = _split_lines(data)
    for number, (raw, line) in enumerate(lines, start=1):
        where = f"{base}#{number}"
        line_encoding = encoding
        if line is None:  # not UTF-8: this line alone gets detection (cp1256 rows in a UTF-8 file)
            try:
                line, line_encoding = decode_bytes(raw)
            except MarsadError as exc:
                yield _with_source(exc, where)
                continue
        if not line.strip():
            continue  # blank separator lines are not rows
        try:
            row = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield FormatError(f"malformed JSON line: {exc}", source=where)
            continue
        yield row_document(row, uri=where, kind="jsonl", raw=raw, encoding=line_encoding,
                           text_field=text_field, html_field=html_field)


def read_json(
    data: bytes, *, uri: str | None, text_field: str = "text", html_field: str | None = None
) -> Iterator[Document | MarsadError]:
    """A JSON array of objects (or objects one after another): one Document per element, numbered from 1."""
    base = uri or "-"
    try:
        text, encoding = decode_bytes(data)
    except MarsadError as exc:
        yield _with_source(exc, base)
        return
    pos = _skip_ws(text, 0)
    if text.startswith("{", pos):
        elements = _objects(text, pos)
    elif text.startswith("[", pos):
        elements = _array_elements(text, pos + 1)
    else:
        yield FormatError("not a JSON array or object", source=base)
        return
    number = 0
    for number, item in enumerate(elements, start=1):
        where = f"{base}#{number}"
        if isinstance(item, FormatError):
            item.source = where
            yield item
            return
        row, raw_text = item
        yield row_document(row, uri=where, kind="jsonl", raw=_raw(raw_text, encoding, data), encoding=encoding,
                           text_field=text_field, html_field=html_field)


def read_csv(
    data: bytes, *, uri: str | None, text_field: str = "text", html_field: str | None = None
) -> Iterator[Document | MarsadError]:
    """A CSV (or TSV) file with a header row: one Document per data row, numbered from 1."""
    base = uri or "-"
    try:
        text, encoding = decode_bytes(data)
    except MarsadError as exc:
        yield _with_source(exc, base)
        return
    header = text.split("\n", 1)[0]
    delimiter = "\t" if base.lower().endswith(".tsv") else max((",", "\t", ";"), key=header.count)
    lines = text.splitlines(keepends=True)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        fields = reader.fieldnames
    except csv.Error as exc:
        yield FormatError(f"unreadable CSV header: {exc}", source=base)
        return
    if not fields:
        yield EmptyInputError("CSV file has no header row", source=base)
        return
    number = 0
    seen_line = reader.line_num
    while True:
        number += 1
        where = f"{base}#{number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield FormatError(f"malformed CSV row: {exc}", source=where)
            seen_line = reader.line_num
            continue
        raw = _raw("".join(lines[seen_line:reader.line_num]), encoding, data)
        seen_line = reader.line_num
        if None in row:
            row = {k: v for k, v in row.items() if k is not None}  # extra cells past the header
        yield row_document(row, uri=where, kind="csv", raw=raw, encoding=encoding,
                           text_field=text_field, html_field=html_field)


def row_document(
    row: object,
    *,
    uri: str,
    kind: str,
    raw: bytes,
    encoding: str | None,
    text_field: str = "text",
    html_field: str | None = None,
) -> Document | MarsadError:
    """Turn one parsed row into a Document, or the error that explains why it cannot be one."""
    if not isinstance(row, Mapping):
        return FormatError(f"row is a JSON {type(row).__name__}, not an object", source=uri)
    field = text_field if text_field in row else next((f for f in BODY_FALLBACKS if f in row), None)
    body = _clean_text(row.get(field)) if field else None
    html = _clean_text(row.get(html_field)) if html_field else None
    if body is not None:
        body, how = repair_mojibake(body)
        if how and encoding and "repaired" not in encoding:
            encoding = f"{encoding} (repaired from {how} mojibake)"
    if is_blank(body) and is_blank(html):
        wanted = html_field or text_field
        if field is None and not html_field:
            msg = f"row has no {text_field!r} field (nor {', '.join(BODY_FALLBACKS)})"
        else:
            msg = f"row has no text in {field or wanted!r}"
        return EmptyInputError(msg, source=uri)
    return Document(
        uri=uri,
        kind=kind,
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
        nbytes=len(raw),
        text=None if is_blank(body) else body,
        html=None if is_blank(html) else html,
        title=_first(row, TITLE_COLUMNS),
        published=_first(row, DATE_COLUMNS),
        outlet=_first(row, OUTLET_COLUMNS),
        id=_first(row, ID_COLUMNS),
    )


def _clean_text(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = value if isinstance(value, str) else str(value)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _first(row: Mapping, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = row.get(name)
        if value is None or isinstance(value, (dict, list)):
            continue
        text = str(value).strip()
        if text:
            return text
    return None


def _split_lines(data: bytes) -> tuple[list[tuple[bytes, str | None]], str]:
    """Split JSONL into (raw line bytes, decoded line or None when the line needs its own detection)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 3 and data.count(0) > len(data) // 4):
        try:
            text, encoding = decode_bytes(data)
        except MarsadError:
            text, encoding = None, None
        if text is not None and encoding.startswith("utf-16"):
            # Hash each row in the file's own byte order, without the byte-order mark.
            if encoding == "utf-16":
                codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
            else:
                codec = encoding
            return [(line.encode(codec), line) for line in text.split("\n")], encoding
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8-sig"
    out: list[tuple[bytes, str | None]] = []
    for raw in data.split(b"\n"):
        raw = raw[:-1] if raw.endswith(b"\r") else raw
        try:
            out.append((raw, raw.decode("utf-8")))
        except UnicodeDecodeError:
            out.append((raw, None))
    return out, encoding


def _raw(text: str, encoding: str, data: bytes) -> bytes:
    """A row's bytes as they stand in the file, for its sha256 (rows are re-encoded, not sliced)."""
    codec = encoding.split(" ", 1)[0]
    if codec == "utf-8-sig" or "repaired" in encoding:
        codec = "utf-8"
    elif codec == "utf-16":
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
    elif codec == "utf-32":
        codec = "utf-32-le" if data.startswith(b"\xff\xfe") else "utf-32-be"
    try:
        return text.encode(codec)
    except (UnicodeEncodeError, LookupError):
        return text.encode("utf-8")


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n\r\ufeff":
        pos += 1
    return pos


def _objects(text: str, pos: int) -> Iterator[tuple[object, str] | FormatError]:
    """One JSON object, or several one after another (pretty-printed JSON Lines)."""
    while pos < len(text):
        try:
            obj, end = _DECODER.raw_decode(text, pos)
        except (ValueError, RecursionError) as exc:
            yield FormatError(f"malformed JSON: {exc}")
            return
        yield obj, text[pos:end]
        pos = _skip_ws(text, end)


def _array_elements(text: str, pos: int) -> Iterator[tuple[object, str] | FormatError]:
    """Walk a JSON array element by element, keeping each element's own source text for hashing."""
    pos = _skip_ws(text, pos)
    if text.startswith("]", pos):
        return
    while True:
        try:
            obj, end = _DECODER.raw_decode(text, pos)
        except (ValueError, RecursionError) as exc:
            yield FormatError(f"malformed JSON array element: {exc}")
            return
        yield obj, text[pos:end]
        pos = _skip_ws(text, end)
        if text.startswith(",", pos):
            pos = _skip_ws(text, pos + 1)
            continue
        if text.startswith("]", pos):
            return
        yield FormatError("JSON array is truncated or has no ',' between elements")
        return


def _with_source(exc: MarsadError, source: str) -> MarsadError:
    exc.source = source
    return exc


