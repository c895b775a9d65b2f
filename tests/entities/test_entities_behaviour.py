"""Behaviour on news-style sentences written for these tests."""

from __future__ import annotations

import pytest


def _ents(tagger, text):
    return [(text[a:b], t) for a, b, t in tagger.find(text)]


@pytest.mark.parametrize("text,name", [
    ("قال الرئيس الروسي فلاديمير بوتين إن المحادثات كانت بناءة.", "فلاديمير بوتين"),
    ("وصل وزير الخارجية الإيراني عباس عراقجي إلى العاصمة العمانية مسقط.", "عباس عراقجي"),
    ("وأكد السفير كاظم جلالي أن العلاقات بين البلدين متينة.", "كاظم جلالي"),
], ids=["president-putin", "minister-araghchi", "ambassador-jalali"])
def test_entities_person_after_title(tagger, text, name):
    assert (name, "PER") in _ents(tagger, text)


def test_entities_multiword_organisation(tagger):
    text = "وقال المدير العام للوكالة الدولية للطاقة الذرية إن المفتشين سيعودون الأسبوع المقبل."
    found = _ents(tagger, text)
    assert any(t == "ORG" and "الدولية للطاقة الذرية" in s for s, t in found), found


def test_entities_agency_in_quotes(tagger):
    text = "ونقلت وكالة \"سبوتنيك\" عن مصدر في الوزارة قوله إن الاجتماع تأجل."
    found = _ents(tagger, text)
    assert any(t == "ORG" and "سبوتنيك" in s for s, t in found), found


def test_entities_country_is_gpe(tagger):
    text = "وصل الوفد إلى فرنسا بعد زيارة قصيرة إلى ألمانيا."
    found = _ents(tagger, text)
    assert ("فرنسا", "GPE") in found and ("ألمانيا", "GPE") in found, found


def test_entities_empty_and_punctuation_only(tagger):
    assert _ents(tagger, "") == []
    assert _ents(tagger, " ... ؟ ! ") == []


def test_entities_recall_decode_valid_bio_and_more_names(tagger):
    """``o_bias`` (recall-biased decoding over the CRF marginals) yields valid BIO and never fewer name tokens."""
    import copy

    from marsad.text import tokenize

    sents = [[t.text for t in tokenize(s)] for s in (
        "التقى وزير الخارجية الإيراني عباس عراقجي نظيره العماني بدر البوسعيدي في مسقط.",
        "وقالت الوكالة الدولية للطاقة الذرية في بيان إن المفتشين وصلوا إلى طهران.",
        "أعلنت الترويكا الأوروبية أنها ستعيد فرض العقوبات.",
    )]
    biased = copy.copy(tagger)
    biased.o_bias = 3.0
    for words in sents:
        plain, more = tagger.tag(words), biased.tag(words)
        assert len(more) == len(words)
        for prev, lab in zip(["O", *more], more):
            assert not lab.startswith("I-") or prev[2:] == lab[2:], (prev, lab)
        assert sum(lab != "O" for lab in more) >= sum(lab != "O" for lab in plain)
