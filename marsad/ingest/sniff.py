"""What kind of input a blob of bytes is: magic bytes and content first, file extension second."""

from __future__ import annotations

import codecs
import json
import re

from marsad.ingest.gz import gunzip_head

SNIFF_KINDS = ("text", "html", "warc", "feed", "jsonl", "json", "csv", "zip", "gzip", "tar")

_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".warc": "warc", ".arc": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
    ".json": "json",
    ".csv": "csv", ".tsv": "csv",
    ".zip": "zip",
    ".gz": "gzip", ".gzip": "gzip",
    ".tar": "tar",
}
_FEED = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|table|h[1-6]|br|a\s)[\s>/]", re.I)
_JSON_ARRAY = re.compile(r'\[\s*(?:\{|\]|$)')
_JSON_OBJECT = re.compile(r'\{\s*(?:"|\}|$)')
_HEADER_FIELD = re.compile(r'^\s*"?[\w .\-]{1,40}"?\s*$')
_KNOWN_COLUMNS = frozenset({"text", "content", "body", "title", "html", "id", "docno", "date", "url", "source"})


def sniff_kind(data: bytes, name: str | None = None) -> str:
    """Guess the kind of one input.

    Args:
        data: the raw bytes (only the first 64 KiB are looked at, except to tell JSON from JSONL).
        name: the file name or URI, whose extension decides when the content does not.

    Returns:
        One of ``text``, ``html``, ``warc``, ``feed``, ``jsonl``, ``json``, ``csv``, ``zip``, ``gzip``, ``tar``.
    """
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return "zip"
    if data[:2] == b"\x1f\x8b":
        return "warc" if gunzip_head(data, 64).startswith(b"WARC/") else "gzip"
    if data.startswith(b"WARC/"):
        return "warc"
    if data[257:262] == b"ustar":
        return "tar"  # corpora ship as .tar.gz: the gzip is opened first, then this
    ext_kind = _extension_kind(name)
    head = _head_text(data[:65536]).lstrip("\ufeff \t\r\n")
    low = head[:4096].lower()
    if low.startswith("<?xml") or low.startswith("<rss") or low.startswith("<feed") or low.startswith("<rdf"):
        if _FEED.search(head[:4096]):
            return "feed"
        if "<html" in low:
            return "html"
    if head.startswith("<") and _HTML.search(head[:4096]):
        return "html"
    if _JSON_ARRAY.match(head):
        return "json"
    if head.startswith("{"):
        try:
            json.loads(_first_line(data))
        except (ValueError, RecursionError):
            # An object spread over lines is one JSON document, unless the name says JSONL.
            if ext_kind == "jsonl":
                return "jsonl"
            if _JSON_OBJECT.match(head):
                return "json"
        else:
            return "jsonl"
    if ext_kind == "csv" or _looks_like_csv_header(head):
        return "csv"
    if ext_kind in ("html", "feed", "jsonl", "json", "warc") and head.startswith(("<", "{", "[", "WARC")):
        return ext_kind
    if ext_kind in ("jsonl", "json"):
        return ext_kind  # let the reader report the malformed rows
    if ext_kind == "html":
        return "html"
    return "text"


def _extension_kind(name: str | None) -> str | None:
    if not name:
        return None
    base = name.rsplit("!", 1)[-1].split("#", 1)[0].lower()
    for ext, kind in _EXTENSIONS.items():
        if base.endswith(ext):
            return kind
    return None


def _head_text(head: bytes) -> str:
    """Decode a prefix just enough to look at its markup (ASCII structure)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="ignore")
    if len(head) >= 4 and head.count(0) > len(head) // 4:
        le = head[1::2].count(0) + head[1::2].count(6)
        be = head[0::2].count(0) + head[0::2].count(6)
        return head.decode("utf-16-le" if le >= be else "utf-16-be", errors="ignore")
    return head.decode("utf-8", errors="ignore") or head.decode("latin-1")


def _first_line(data: bytes) -> str:
    """The first non-blank line in full (a JSONL row can be far longer than the sniffed head)."""
    start = len(data) - len(data.lstrip(b"\xef\xbb\xbf \t\r\n"))
    end = data.find(b"\n", start)
    return data[start:end if end != -1 else len(data)].decode("utf-8", errors="replace")


def _looks_like_csv_header(head: str) -> bool:
    first = head.split("\n", 1)[0].rstrip("\r")
    for sep in (",", "\t", ";"):
        fields = first.split(sep)
        if len(fields) >= 2 and all(_HEADER_FIELD.match(f) for f in fields):
            names = {f.strip().strip('"').lower() for f in fields}
            if names & _KNOWN_COLUMNS:
                return True
    return False
