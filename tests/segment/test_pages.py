"""The project's own scraped pages (tests/pages) against what a careful reader extracts (expected.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import marsad

PAGES = Path(__file__).resolve().parents[1] / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8")) if (PAGES / "expected.json").exists() else {}


@pytest.fixture(scope="module")
def analysed():
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = marsad.analyze((PAGES / name).read_bytes(), uri=name)
        return cache[name]

    return get


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_segment_page_matches_expectations(name, analysed):
    page = analysed(name)
    want = EXPECTED[name]["articles"]
    got = page.articles
    assert [a.role for a in got] == [w["role"] for w in want], [a.title for a in got]
    for art, exp in zip(got, want):
        where = f"{name} article {art.id}"
        for key in ("title", "published", "published_text", "outlet", "credit", "truncated"):
            if key in exp:
                assert getattr(art, key) == exp[key], f"{where}: {key}"
        if "sections" in exp:
            assert [s.heading for s in art.sections] == exp["sections"], where
        if exp.get("body_starts"):
            assert art.body.startswith(exp["body_starts"]), f"{where}: body starts {art.body[:60]!r}"
        if exp.get("body_ends"):
            assert art.body.rstrip().endswith(exp["body_ends"]), f"{where}: body ends {art.body[-60:]!r}"
        for text in exp.get("body_excludes", []):
            assert text not in art.body, f"{where}: body holds {text!r}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_segment_offsets_hold_on_pages(name, analysed):
    for art in analysed(name).articles:
        for s, e in art.paragraphs:
            assert 0 <= s < e <= len(art.body) and "\n" not in art.body[s:e]
        for sec in art.sections:
            assert 0 <= sec.start < sec.end <= len(art.body)
        for d in art.dates:
            assert art.body[d.start:d.end] == d.text


def test_segment_scraped_script_lines_are_not_body():
    script = ("jQuery(document).ready(function(){ var plot = jQuery.jqplot('pie', [[1,2]], "
              "{ grid: { drawBorder: false } }); });")
    page = marsad.analyze(("عنوان الخبر\nقال الوزير إن الحكومة ستعلن خطة جديدة اليوم.\n" + script +
                           "\nوأضاف أن الخطة تشمل دعم الأسر.").encode())
    body = page.articles[0].body
    assert "jQuery" not in body and "وأضاف أن الخطة" in body
