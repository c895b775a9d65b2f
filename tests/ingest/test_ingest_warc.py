"""WARC and WARC.gz: one Document per page response; other records skipped; truncation reported."""

from __future__ import annotations

import hashlib

import pytest

from marsad.errors import FormatError
from marsad.ingest import Document, read_bytes

PAGE = '<html><head><meta charset="utf-8"><title>خبر</title></head><body><p>أعلن الوزير زيارة.</p></body></html>'


@pytest.mark.parametrize("gz", [True, False])
def test_ingest_warc_responses_become_documents(make_warc, gz):
    body = PAGE.encode()
    data = make_warc([
        ("https://www.alkhabar.example/news/1", "text/html; charset=utf-8", body),
        ("https://www.alkhabar.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://news.example.org/2.txt", "text/plain; charset=windows-1256", "نص الخبر".encode("cp1256")),
    ], gzip=gz)
    out = list(read_bytes(data, uri="crawl.warc.gz" if gz else "crawl.warc"))
    assert [type(d) for d in out] == [Document, Document]
    page, plain = out
    assert page.kind == "warc" and page.uri == "https://www.alkhabar.example/news/1"
    assert page.html == PAGE and page.text is None and page.outlet == "alkhabar.example"
    assert page.sha256 == hashlib.sha256(body).hexdigest() and page.nbytes == len(body)
    assert plain.text == "نص الخبر" and plain.encoding == "cp1256" and plain.outlet == "news.example.org"


def test_ingest_warc_truncated_yields_records_read_then_format_error(make_warc):
    pages = [(f"https://site.example/{i}", "text/html", (PAGE * 40).encode()) for i in range(6)]
    data = make_warc(pages, gzip=True)
    out = list(read_bytes(data[: int(len(data) * 0.6)], uri="cut.warc.gz"))
    assert isinstance(out[-1], FormatError) and out[-1].source == "cut.warc.gz"
    assert 1 <= len(out) - 1 < 6
    assert all(isinstance(d, Document) for d in out[:-1])


def test_ingest_warc_bad_record_payload_is_error_for_that_record(make_warc):
    data = make_warc([
        ("https://site.example/empty", "text/html", b"   "),
        ("https://site.example/ok", "text/html", PAGE.encode()),
    ])
    out = list(read_bytes(data, uri="x.warc.gz"))
    assert out[0].source == "https://site.example/empty" and out[0].code == "M102"
    assert out[1].uri == "https://site.example/ok"


def test_ingest_warc_garbage_after_header_is_format_error():
    out = list(read_bytes(b"WARC/1.0\r\nnonsense\r\n\r\n\x00\x01", uri="g.warc"))
    assert out and isinstance(out[-1], FormatError)


def test_ingest_warc_resource_record_without_http_headers():
    import io

    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(writer.create_warc_record("https://site.example/r", "resource",
                                                  payload=io.BytesIO(PAGE.encode("utf-8")),
                                                  warc_content_type="text/html"))
    (doc,) = read_bytes(out.getvalue(), uri="r.warc.gz")
    assert doc.uri == "https://site.example/r" and doc.html == PAGE and doc.kind == "warc"
