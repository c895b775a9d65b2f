"""Hostile input through the whole pipeline: a clean MarsadError or a valid Page, never a crash or a hang."""

from __future__ import annotations

import gzip
import io
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import marsad
from marsad.errors import MarsadError
from marsad.records import Page

ARTICLE = "قمة في الرياض\nعقد القادة اليوم الثلاثاء قمة طارئة في الرياض لبحث الأوضاع في المنطقة.\n"


def outcome(data: bytes, **kw):
    t0 = time.perf_counter()
    try:
        result = marsad.analyze(data, **kw)
        assert isinstance(result, Page)
    except MarsadError as exc:
        result = exc
    assert time.perf_counter() - t0 < 30
    return result


@given(st.binary(max_size=3000))
@settings(max_examples=150, deadline=None)
def test_pipeline_random_bytes(data):
    outcome(data)


@given(st.text(max_size=2000))
@settings(max_examples=150, deadline=None)
def test_pipeline_random_text_keeps_offsets(text):
    result = outcome(text.encode("utf-8", "surrogatepass"), lang_any=True) if "\ud800" not in text else None
    if isinstance(result, Page):
        for art in result.articles:
            for d in art.dates:
                assert art.body[d.start:d.end] == d.text


def test_pipeline_truncated_gzip():
    data = gzip.compress((ARTICLE * 200).encode())
    assert isinstance(outcome(data[: len(data) // 2]), (MarsadError, Page))


def test_pipeline_truncated_warc():
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(3):
        html = f"<html><body><article><h1>خبر {i}</h1><p>{ARTICLE * 20}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                      payload=io.BytesIO(html), http_headers=headers))
    data = buf.getvalue()
    for cut in (len(data) // 3, len(data) // 2, len(data) - 10):
        pages = list(_analyze_bytes_many(data[:cut]))
        assert pages  # what could be read, then the error for the rest
        assert all(isinstance(p, (Page, MarsadError)) for p in pages)


def _analyze_bytes_many(data: bytes):
    from marsad.ingest import read_bytes
    from marsad.pipeline import Options, safe_analyze

    for item in read_bytes(data, uri="t.warc.gz"):
        yield item if isinstance(item, MarsadError) else safe_analyze(item, Options())


def test_pipeline_five_megabyte_single_line():
    line = ("كلمة عربية أخرى في سطر طويل جدا " * 200_000)[:5_000_000]
    result = outcome(line.encode())
    assert isinstance(result, (Page, MarsadError))
    if isinstance(result, Page):
        assert any("not annotated" in w for w in result.warnings)


def test_pipeline_deeply_nested_html():
    html = "<html><body>" + "<div>" * 10_000 + "<p>" + ARTICLE * 5 + "</p>" + "</div>" * 10_000 + "</body></html>"
    assert isinstance(outcome(html.encode()), (Page, MarsadError))


@pytest.mark.parametrize("data", [b"", b"   \n\t  \n", "\u200f\u200f \n".encode()])
def test_pipeline_blank_input_is_a_clean_error(data):
    assert isinstance(outcome(data), MarsadError)
