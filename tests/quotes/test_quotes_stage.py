"""The stage and the record invariants: ids, spans, empty inputs, property tests on random bodies."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.quotes import find_quotes, stage
from tests.quotes.conftest import make_article

PIECES = ["وقال", "الوزير", "إن", "أن", "«", "»", '"', "“", "”", "„", "‘", "’", ":", "،", ".", "\n", " ",
          "قائلا", "مشيرا إلى", "بحسب", "تقرير", "لصحيفة", "الأيام", "وأضاف", "المشروع", "سيكتمل", "غدا"]


def test_quotes_stage_fills_the_article():
    art = make_article("وقال الوزير إن المشروع سيكتمل قبل نهاية العام.")
    out = stage(art)
    assert out.quotes == find_quotes(art)
    assert out.body == art.body and out.id == art.id
    assert out.quotes[0].to_dict()["id"] == "q1"


def test_quotes_stage_empty_body():
    assert find_quotes(make_article("")) == ()
    assert stage(make_article("")).quotes == ()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_quotes_stage_offsets_hold_on_any_body(pieces):
    body = " ".join(pieces)
    found = find_quotes(make_article(body))
    assert [q.id for q in found] == [f"q{i}" for i in range(1, len(found) + 1)]
    last_end = -1
    for q in found:
        assert body[q.start:q.end] == q.text
        assert q.text and q.start >= last_end
        last_end = q.end
