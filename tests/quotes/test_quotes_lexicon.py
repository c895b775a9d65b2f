"""The reporting-cue lexicon: size, kinds, normalised forms, conjunction prefixes."""

from __future__ import annotations

import pytest

from marsad.quotes.cues import find_cues
from marsad.quotes.lexicon import LexiconError, load, parse
from marsad.text import tokenize


def test_quotes_lexicon_has_enough_forms():
    lex = load()
    cues = [c for c in lex.single.values() if c.kind in ("verb", "part", "colon", "noun", "attr")]
    assert len(cues) >= 150
    kinds = {c.kind for c in lex.single.values()} | {c.kind for v in lex.multi.values() for _, c in v}
    assert {"verb", "part", "colon", "noun", "attr", "tag", "stop"} <= kinds


@pytest.mark.parametrize("word,kind", [
    ("قال", "verb"), ("يقول", "verb"), ("أضاف", "verb"), ("ويضيف", "verb"), ("فأكد", "verb"),
    ("أكدت", "verb"), ("تؤكد", "verb"), ("صرّح", "verb"), ("نفت", "verb"), ("اتهم", "verb"),
    ("مضيفا", "part"), ("مشيراً", "part"), ("لافتة", "part"), ("مؤكدا", "part"), ("محذرا", "part"),
    ("قائلا", "colon"), ("بالقول", "colon"), ("بحسب", "attr"), ("يذكر", "stop"),
])
def test_quotes_lexicon_matches_normalised_tokens(word, kind):
    hits = find_cues(tokenize(word), load())
    assert [h.kind for h in hits] == [kind]


@pytest.mark.parametrize("phrase,kind", [
    ("في تصريح", "noun"), ("في بيان", "noun"), ("نقلا عن", "attr"), ("وفقا لـ", "attr"),
    ("على حد قوله", "tag"),
])
def test_quotes_lexicon_multiword_cues(phrase, kind):
    hits = find_cues(tokenize(phrase + " المصدر"), load())
    assert hits and hits[0].kind == kind


def test_quotes_lexicon_article_is_not_stripped():
    # «التابع» (affiliated) is not the verb «تابع»
    assert find_cues(tokenize("المكتب التابع للوزارة"), load()) == []


def test_quotes_lexicon_bad_row_raises():
    with pytest.raises(LexiconError):
        parse(["قال\tverbish\tقال"])
