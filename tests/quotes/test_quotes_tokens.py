"""The finder's fast tokens agree with the text layer's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.quotes.tokens import tokens_of
from marsad.text import tokenize

ALPHABET = list("قال الوزير إنّ أنَّ «»“”„\"'.!?؟…،:\n د. م. ﻻ ـ") + ["\u200f", "\u064b", "İ", "A", "1", "٣"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=80))
def test_quotes_tokens_equal_text_layer_tokens(chars):
    text = "".join(chars)
    mine = [(t.start, t.end, t.norm) for t in tokens_of(text)]
    assert mine == [(t.start, t.end, t.norm) for t in tokenize(text)]


def test_quotes_tokens_examples():
    text = "وقال د. أحمد: «انتهى الأمر. نعم.» ثم غادر! هل؟ ﻻ"
    assert [(t.start, t.end, t.norm) for t in tokens_of(text)] == [(t.start, t.end, t.norm) for t in tokenize(text)]
