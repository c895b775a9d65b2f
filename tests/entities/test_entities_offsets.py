"""find_entities returns whole-word spans into the raw text, whatever the text looks like."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.entities import find_entities

TYPES = {"PER", "ORG", "GPE", "LOC", "MISC"}
# Sentences written for these tests (not taken from any dataset).
SENTENCES = [
    "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة وفدا من البنك الدولي.",
    "وقالت وزارة الخارجية الفرنسية في بيان إن باريس تتابع الوضع في منطقة الساحل.",
    "أعلنت شركة أرامكو السعودية أمس عن نتائجها الفصلية، وفق ما نقلت وكالة «رويترز».",
    "\u200fزار رئيسُ الوزراء الكنديّ   جاستن ترودو مدينةَ تورونتو\nثم عاد إلى أوتاوا.",
    "",
    "!!! ... ؟",
]
_WORDCHAR = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]")


def _check(text: str) -> None:
    spans = find_entities(text)
    for start, end, typ in spans:
        assert typ in TYPES
        assert 0 <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        assert start == 0 or not _WORDCHAR.match(text[start - 1]), (text, piece)
        assert end == len(text) or not _WORDCHAR.match(text[end]), (text, piece)
    assert spans == sorted(spans)
    for (a0, a1, _), (b0, b1, _) in zip(spans, spans[1:]):
        assert a1 <= b0


@pytest.mark.parametrize("text", SENTENCES, ids=[f"s{i}" for i in range(len(SENTENCES))])
def test_entities_offsets_whole_words(tagger, text):
    _check(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["الرئيس", "بوتين", "في", "موسكو", "،", "«", "»", ".", " ", "\n", "وزارة",
                                 "الدفاع", "x", "2024", "بالقاهرة", "\u064e", "ـ"]), max_size=25))
def test_entities_offsets_property(tagger, parts):
    _check(" ".join(parts))


def test_entities_find_entities_rejects_non_text():
    with pytest.raises(TypeError):
        find_entities(b"bytes")  # type: ignore[arg-type]
