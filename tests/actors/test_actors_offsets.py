"""Property: whatever the text and spans, every mention quotes the body exactly and ids are in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.actors import resolve

WORDS = ["طهران", "بموسكو", "الرئيس", "الروسي", "فلاديمير", "بوتين", "وبوتين", "السفير", "الإيراني", "كاظم",
         "جلالي", "،", ".", "«", "»", "قال", "إن", "الأمم", "المتحدة", "وزير", "الخارجية", "حماس", "رئيسه",
         "\u064b", "ـ", "\n", "للولايات", "المتحدة", "البيت", "الأبيض", "مدينة", "الإسكندرية"]


@st.composite
def article(draw):
    words = draw(st.lists(st.sampled_from(WORDS), max_size=40))
    body = " ".join(words)
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        if len(body) < 2:
            break
        s = draw(st.integers(0, len(body) - 1))
        e = draw(st.integers(s + 1, min(len(body), s + 30)))
        spans.append((s, e, draw(st.sampled_from(["PER", "ORG", "GPE", "LOC", "MISC"]))))
    return body, spans


@settings(max_examples=150, deadline=None)
@given(article())
def test_actors_offsets_mentions_quote_the_body(case):
    body, spans = case
    ents = resolve(body, spans)
    for n, e in enumerate(ents, 1):
        assert e.id == f"e{n}"
        assert e.mentions
        for m in e.mentions:
            assert body[m.start:m.end] == m.text and m.text
    firsts = [e.mentions[0].start for e in ents]
    assert firsts == sorted(firsts)


def test_actors_offsets_empty_body():
    assert resolve("", []) == ()
