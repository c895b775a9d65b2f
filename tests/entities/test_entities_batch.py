"""The tagger's faster paths give what the plain ones give: batched Viterbi, the prefix-set gazetteer walk,
and document propagation that does not depend on the run's string hashing."""

from __future__ import annotations

import random

import pytest

from marsad.entities.gazetteers import RESOURCES, Gazetteer, bare_forms
from marsad.entities.propagate import propagate

WORDS = ("قال الرئيس الروسي فلاديمير بوتين في موسكو إن الأمم المتحدة مجلس الأمن الدولي وزير الخارجية سامح "
         "شكري بصفاقس صفاقس ونيويورك لندن « » ، . 2024 وكالة رويترز الملك عبدالله الثاني").split()


def _sentences(seed: int, count: int) -> list[list[str]]:
    rng = random.Random(seed)
    return [[rng.choice(WORDS) for _ in range(rng.randint(1, 40))] for _ in range(count)]


def test_viterbi_many_equals_one_by_one():
    if not (RESOURCES / "ner.crfsuite").exists():
        pytest.skip(f"no entity model at {RESOURCES / 'ner.crfsuite'}")
    from marsad.entities.tagger import load_tagger

    crf = load_tagger().crf
    sents = _sentences(seed=5, count=60) + [[]]
    for k in range(0, len(sents), 7):
        batch = sents[k:k + 7]
        assert crf.viterbi_many(batch) == [crf.viterbi(s) for s in batch]


def _reference_match(g: Gazetteer, bares: list[list[str]]) -> list[list[str]]:
    """Longest match by trying every phrase of the first key (the plain definition)."""
    n = len(bares)
    tags: list[list[str]] = [[] for _ in range(n)]
    i = 0
    while i < n:
        best, classes = 0, []
        for key in bares[i]:
            for toks, klass in g.phrases.get(key, ()):
                L = len(toks)
                if L < best or i + L > n or any(bares[i + j][0] != toks[j] for j in range(1, L)):
                    continue
                if L > best:
                    best, classes = L, [klass]
                elif klass not in classes:
                    classes.append(klass)
        for klass in classes:
            tags[i].append(klass + "-B")
            tags[i + 1:i + best] = [t + [klass + "-I"] for t in tags[i + 1:i + best]]
        i += best or 1
    return tags


def test_gazetteer_walk_equals_reference():
    g = Gazetteer(phrases={})
    for words, klass in (("الامم المتحده", "ORG"), ("الامم", "ORG"), ("مجلس الامن", "ORG"),
                         ("مجلس الامن الدولي", "ORG"), ("موسكو", "GPE"), ("موسكو", "LOC"),
                         ("فلاديمير بوتين", "PER"), ("نيويورك", "GPE"), ("لندن", "GPE")):
        toks = tuple(bare_forms(w)[0] for w in words.split())
        g.phrases.setdefault(toks[0], []).append((toks, klass))
    for v in g.phrases.values():
        v.sort(key=lambda e: -len(e[0]))
    for sent in _sentences(seed=9, count=200):
        bares = [bare_forms(w) for w in sent]
        assert g.match(bares) == _reference_match(g, bares), sent


def test_propagation_tries_the_whole_word_first():
    # «بصفاقس» is tagged a place once and «صفاقس» is the end of a person's name: an untagged «بصفاقس» takes
    # the place reading of the whole word, whatever order a set of the two keys would have had.
    doc = [["وصل", "محمد", "صفاقس", "أمس"], ["في", "بصفاقس", "اليوم"], ["عاد", "إلى", "بصفاقس"]]
    labels = [["O", "B-PERS", "I-PERS", "O"], ["O", "B-LOC", "O"], ["O", "O", "O"]]
    assert propagate(doc, labels)[2] == ["O", "O", "B-LOC"]
