"""The finder's fast tokens agree with the text layer's."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.quotes.tokens import _OWN_SPLIT, _own_tokens, tokens_of
from marsad.text import tokenize

ALPHABET = list("قال الوزير إنّ أنَّ «»“”„\"'.!?؟…،:\n د. م. ﻻ ـ") + ["\u200f", "\u064b", "İ", "A", "1", "٣"]


def _spans(tokens):
    return [(t.start, t.end, t.norm) for t in tokens]


def _own_spans(text):
    # tokens_of hands most bodies the text layer's own tokens: its split is compared here directly
    own = _own_tokens(text)
    return list(zip(own.starts, own.ends, own.norms))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=80))
def test_quotes_tokens_equal_text_layer_tokens(chars):
    text = "".join(chars)
    assert _spans(tokens_of(text)) == _spans(tokenize(text))
    assert _own_spans(text) == _spans(tokenize(text))


def test_quotes_tokens_examples():
    text = "وقال د. أحمد: «انتهى الأمر. نعم.» ثم غادر! هل؟ ﻻ"
    assert _spans(tokens_of(text)) == _spans(tokenize(text))
    assert _own_spans(text) == _spans(tokenize(text))


def test_quotes_tokens_own_split_agrees_outside_its_characters():
    # Every character below U+10000 inside, between and around words, 256 at a time: the finder's own split
    # and the text layer's agree wherever the body holds none of the characters that send it to its own split.
    # (A presentation form or «İ» sends a whole text down the own split's slow path: they get their own text.)
    slow = re.compile("[\ufb50-\ufdff\ufe70-\ufefe\u0130]")
    groups: list[list[str]] = [[]]
    for block in range(0, 0x10000, 256):
        chars = [chr(cp) for cp in range(block, block + 256)
                 if not _OWN_SPLIT.match(chr(cp)) and not 0xD800 <= cp < 0xE000]
        groups[0] += [c for c in chars if slow.match(c)]
        groups.append([c for c in chars if not slow.match(c)])
    for chars in groups:
        for sep in ("", " "):
            text = "".join(f"كت{c}اب{sep}{c}{sep}" for c in chars)
            assert _own_spans(text) == _spans(tokenize(text))
            assert _spans(tokens_of(text)) == _spans(tokenize(text))
