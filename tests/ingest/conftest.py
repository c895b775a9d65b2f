"""Fixtures for the ingest tests: Arabic news text written for these tests, and builders for containers."""

from __future__ import annotations

import io

import pytest

# Sentences composed for these tests (not taken from any corpus).
ARTICLE = (
    "أعلن وزير الخارجية، اليوم الثلاثاء، عن زيارة مرتقبة إلى موسكو الأسبوع المقبل لبحث العلاقات الثنائية.\n"
    "وقال الوزير في مؤتمر صحفي إن المحادثات ستتناول ملفات الطاقة والتجارة والأمن الإقليمي.\n"
    "وأضاف أن بلاده تسعى إلى «حلول سلمية» للأزمات في المنطقة عبر الحوار المباشر."
)
RELATED_TEXT = "ارتفعت أسعار النفط الخام في تعاملات اليوم بنسبة اثنين في المئة بعد قرار خفض الإنتاج."


@pytest.fixture
def article() -> str:
    return ARTICLE


@pytest.fixture
def make_warc():
    """Build a WARC (gzipped or not) in memory from (uri, content_type, body bytes) responses."""

    def build(responses, *, gzip: bool = True, with_request: bool = True) -> bytes:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        out = io.BytesIO()
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "marsad-tests"}))
        for uri, ctype, body in responses:
            if with_request:
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
                writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                                              http_headers=req))
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
        return out.getvalue()

    return build
