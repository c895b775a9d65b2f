"""RSS and Atom: one Document per item, html or text body, ISO published date, outlet = feed title."""

from __future__ import annotations

from marsad.errors import EmptyInputError, FormatError
from marsad.ingest import Document, read_bytes

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>صحيفة الخبر</title><link>https://alkhabar.example/</link>
<item><title>وزير الخارجية يزور موسكو</title><link>https://alkhabar.example/news/1</link>
<pubDate>Tue, 19 Nov 2024 10:30:00 +0300</pubDate>
<content:encoded><![CDATA[<p>أعلن وزير الخارجية عن زيارة مرتقبة إلى موسكو.</p><p>وقال إن المحادثات مثمرة.</p>]]></content:encoded>
</item>
<item><title>أسعار النفط</title><link>https://alkhabar.example/news/2</link>
<pubDate>Wed, 20 Nov 2024 00:00:00 GMT</pubDate>
<description>ارتفعت أسعار النفط الخام في تعاملات اليوم.</description></item>
<item><title>بلا نص</title><link>https://alkhabar.example/news/3</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="windows-1256"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة الأنباء</title>
<entry><title>القمة العربية</title><link href="https://agency.example/a/1"/>
<updated>2024-05-16T08:00:00Z</updated><id>urn:a1</id>
<summary>انطلقت أعمال القمة العربية في العاصمة.</summary></entry>
</feed>"""


def test_ingest_rss_items():
    out = list(read_bytes(RSS.encode("utf-8"), uri="feed.xml"))
    assert [type(d) for d in out] == [Document, Document, EmptyInputError]
    first, second, empty = out
    assert first.kind == "feed" and first.uri == "https://alkhabar.example/news/1"
    assert "<p>أعلن وزير الخارجية" in first.html and first.text is None
    assert first.title == "وزير الخارجية يزور موسكو" and first.outlet == "صحيفة الخبر"
    assert first.published == "2024-11-19T07:30:00+00:00"
    assert second.text == "ارتفعت أسعار النفط الخام في تعاملات اليوم." and second.published == "2024-11-20"
    assert empty.source == "https://alkhabar.example/news/3"


def test_ingest_atom_entries_in_cp1256():
    (doc,) = read_bytes(ATOM.encode("cp1256"), uri="atom.xml")
    assert doc.text == "انطلقت أعمال القمة العربية في العاصمة." and doc.title == "القمة العربية"
    assert doc.outlet == "وكالة الأنباء" and doc.published == "2024-05-16T08:00:00+00:00"
    assert doc.encoding == "cp1256"
    assert doc.uri == "https://agency.example/a/1"


def test_ingest_feed_broken_is_error():
    out = list(read_bytes(b'<?xml version="1.0"?><rss><channel><title>x', uri="b.rss", kind="feed"))
    assert len(out) == 1 and isinstance(out[0], (FormatError, EmptyInputError))
