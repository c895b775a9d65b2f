"""sniff_kind: magic bytes and content first, extension second."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from marsad.ingest import sniff_kind


def _zip(name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        ("نص خبر عادي".encode(), None, "text"),
        ("نص خبر عادي".encode(), "x.txt", "text"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", None, "html"),
        ("\ufeff<html lang='ar'><head><meta charset='utf-8'>".encode(), "page.bin", "html"),
        ("<html><body>خبر</body></html>".encode("utf-16"), None, "html"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', None, "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', None, "feed"),
        (b'{"id": 1, "text": "x"}\n{"id": 2, "text": "y"}\n', None, "jsonl"),
        (b'[\n  {"content": "x"}\n]', None, "json"),
        (b'{\n  "content": "x"\n}', None, "json"),
        (b"id,title,text\n1,a,b\n", None, "csv"),
        ("نص، مع فاصلة, وأخرى".encode(), None, "text"),
        (b"a;b\n1;2\n", "rows.csv", "csv"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", None, "warc"),
        (gzip.compress(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"), "x.warc.gz", "warc"),
        (gzip.compress(b'{"text": "x"}\n'), "x.jsonl.gz", "gzip"),
        (_zip("a.json", b"[]"), None, "zip"),
        (b"x" * 257 + b"ustar\x0000" + b"\x00" * 250, "a.tar", "tar"),
        (b"[\xd8\xaa\xd8\xad\xd8\xaf\xd9\x8a\xd8\xab] breaking", None, "text"),
        (b'not json {"text"', "rows.jsonl", "jsonl"),
    ],
)
def test_ingest_sniff_kind(data, name, kind):
    assert sniff_kind(data, name) == kind


def test_ingest_sniff_never_raises_on_garbage():
    for data in (b"", b"\x00", b"\x1f\x8b", b"PK", b"\xff" * 10, b"<", b"[", b"{"):
        assert sniff_kind(data) in {"text", "html", "warc", "feed", "jsonl", "json", "csv", "zip", "gzip", "tar"}
