"""Highlighting spans from offsets: nesting, overlaps, bad offsets, escaping."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from records_fixture import evil_page, moscow_page

from marsad.web.render import annotate, network_svg, snippet_html, timeline_svg


def text_of(html: str) -> str:
    import html as h

    return h.unescape(re.sub(r"<[^>]+>", "", html))


def test_render_annotate_keeps_the_body_text():
    for page in (moscow_page(), evil_page()):
        for a in page.articles:
            d = a.to_dict()
            assert text_of(str(annotate(d))) == d["body"]


def test_render_annotate_nests_mentions_inside_quotes():
    d = moscow_page().articles[0].to_dict()
    html = str(annotate(d))
    # «جلالي» is not inside the quote, «الاتفاقية» of the quote is; the quote span covers its words.
    assert '<span class="quote"' in html
    assert re.search(r'<span class="[^"]*\btrigger\b[^"]*"[^>]*>زار</span>', html)


def test_render_annotate_escapes_markup():
    html = str(annotate(evil_page().articles[0].to_dict()))
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html


@settings(max_examples=80, deadline=None)
@given(body=st.text(min_size=0, max_size=40),
       spans=st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=6))
def test_render_annotate_survives_any_offsets(body, spans):
    d = {"body": body, "entities": [{"id": f"e{i}", "type": "PER", "name": "<x>", "name_latin": None,
                                     "mentions": [{"text": body[s:e], "start": s, "end": e}]}
                                    for i, (s, e) in enumerate(spans)],
         "quotes": [], "events": [], "dates": []}
    html = str(annotate(d))
    assert text_of(html) == body
    assert "<x>" not in html


def test_render_snippet_marks():
    assert str(snippet_html("a <b> c", [[2, 5]])) == "a <mark>&lt;b&gt;</mark> c"
    assert str(snippet_html("abc", [[1, 9]])) == "abc"


def test_render_charts_escape_names():
    actor = {"id": "x", "name": "<script>", "name_latin": None, "type": "PER"}
    others = [{"id": "y<", "name": "<img onerror=1>", "name_latin": "&", "type": "ORG", "n": 2}]
    svg = str(network_svg(actor, others, []))
    assert "<script>" not in svg and "<img" not in svg and "/actors/y%3C" in svg
    assert "<svg" in str(timeline_svg([{"day": "2024-01-01", "articles": 2, "mentions": 3}],
                                      [{"day": "2024-01-02", "type": "ACCUSE", "n": 1}]))
    assert "<svg" not in str(timeline_svg([], []))
