"""Hostile input: every outcome is valid Documents or a typed MarsadError, quickly, never an exception."""

from __future__ import annotations

import gzip
import io
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import FormatError, InputError, MarsadError
from marsad.ingest import Document, decode_bytes, extract_html, read_bytes, sniff_kind


def _valid(items) -> None:
    for item in items:
        assert isinstance(item, (Document, MarsadError)), item
        if isinstance(item, Document):
            assert (item.text and item.text.strip()) or (item.html and item.html.strip())
        else:
            assert item.source


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_ingest_hostile_random_bytes(data):
    _valid(list(read_bytes(data, uri="random.bin")))


@settings(max_examples=200, deadline=2000)
@given(st.binary(max_size=512), st.sampled_from(["text", "html", "warc", "feed", "jsonl", "json", "csv", "tar",
                                                  "zip", "gzip"]))
def test_ingest_hostile_random_bytes_forced_kind(data, kind):
    _valid(list(read_bytes(data, uri="random.bin", kind=kind)))


@settings(max_examples=200, deadline=2000)
@given(st.binary(max_size=1024))
def test_ingest_hostile_decode_raises_only_typed_errors(data):
    try:
        text, encoding = decode_bytes(data)
    except InputError:
        return
    assert isinstance(text, str) and encoding and "\r" not in text


@settings(max_examples=100, deadline=2000)
@given(st.text(max_size=400))
def test_ingest_hostile_text_roundtrip_utf8(text):
    try:
        out, encoding = decode_bytes(text.encode("utf-8"))
    except InputError:
        return
    if encoding == "utf-8":
        assert out == text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=40, deadline=3000)
@given(st.text(alphabet=st.sampled_from(list("<>/divp =\"'&;!-ابتثجحخدذرزسشصضطظعغفقكلمنهوي \n")), max_size=600))
def test_ingest_hostile_html_fragments(html):
    try:
        result = extract_html(html)
    except InputError:
        return
    assert result.text


@settings(max_examples=50, deadline=2000)
@given(st.binary(min_size=1, max_size=512), st.integers(min_value=0, max_value=511))
def test_ingest_hostile_sniff_total(data, cut):
    assert sniff_kind(data[:cut] or data) in {"text", "html", "warc", "feed", "jsonl", "json", "csv", "zip",
                                              "gzip", "tar"}


def _timed(fn):
    start = time.monotonic()
    result = fn()
    assert time.monotonic() - start < 5, "took too long"
    return result


def test_ingest_hostile_five_megabyte_single_line():
    line = ("كلمة " * 1_000_000).encode("utf-8")[:5_000_000]
    out = _timed(lambda: list(read_bytes(line, uri="long.txt")))
    assert len(out) == 1 and isinstance(out[0], (Document, InputError))


def test_ingest_hostile_five_megabyte_html_line():
    page = "<html><body><p>" + "كلمة " * 1_000_000 + "</p></body></html>"
    result = _timed(lambda: extract_html(page))
    assert len(result.text) > 4_000_000 and "\n" not in result.text


def test_ingest_hostile_ten_thousand_nested_divs():
    page = "<html><body>" + "<div>" * 10_000 + "<p>نص الخبر في العمق</p>" + "</div>" * 10_000 + "</body></html>"
    result = _timed(lambda: extract_html(page))
    assert "نص الخبر في العمق" in result.text
    (doc,) = _timed(lambda: list(read_bytes(page.encode(), uri="deep.html")))
    assert doc.kind == "html"


def test_ingest_hostile_deep_json():
    data = b"[" * 100_000 + b"]" * 100_000
    out = _timed(lambda: list(read_bytes(data, uri="deep.json")))
    _valid(out)
    out = _timed(lambda: list(read_bytes(b"[" * 100_000 + b"\n", uri="deep.jsonl", kind="jsonl")))
    assert all(isinstance(x, FormatError) for x in out)


def test_ingest_hostile_truncated_gzip_text(article):
    data = gzip.compress(article.encode() * 50)
    out = _timed(lambda: list(read_bytes(data[:-40], uri="t.txt.gz")))
    assert len(out) == 1 and isinstance(out[0], FormatError) and out[0].source == "t.txt.gz"


def test_ingest_hostile_corrupt_gzip():
    data = bytearray(gzip.compress("نص الخبر".encode() * 100))
    data[20:30] = b"\xff" * 10
    out = list(read_bytes(bytes(data), uri="c.gz"))
    assert out and isinstance(out[-1], FormatError)


def test_ingest_hostile_zip_with_bad_member_crc():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("a.txt", "نص أول".encode())
        archive.writestr("b.txt", "نص ثان".encode())
    data = buf.getvalue().replace("نص أول".encode(), "نص اول".encode().ljust(len("نص أول".encode()), b" "))
    out = list(read_bytes(data, uri="crc.zip"))
    assert isinstance(out[0], FormatError) and out[0].source == "crc.zip!a.txt"
    assert isinstance(out[1], Document)


@pytest.mark.parametrize("data", [b"\x00" * 1000, b"\xff\xfe" + b"\x00\xd8" * 10, bytes(range(256)) * 40])
def test_ingest_hostile_binary_blobs(data):
    out = list(read_bytes(data, uri="blob"))
    assert len(out) == 1 and isinstance(out[0], InputError)


def test_ingest_hostile_five_megabyte_cp1256_line():
    line = ("كلمة " * 1_000_000).encode("cp1256")
    (doc,) = _timed(lambda: list(read_bytes(line, uri="long-cp1256.txt")))
    assert doc.encoding == "cp1256" and doc.text.startswith("كلمة")


def test_ingest_hostile_utf8_cut_mid_character():
    data = "نص الخبر".encode("utf-8")[:-1]
    (doc,) = read_bytes(data, uri="cut.txt")
    assert doc.encoding == "utf-8" and doc.text == "نص الخب"
