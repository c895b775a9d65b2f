"""Reported speech: a reporting cue and an أنّ/إنّ clause running to the end of its sentence."""

from __future__ import annotations

import pytest

from marsad.quotes import find_quotes
from tests.quotes.conftest import make_article


def texts(body: str) -> list[tuple[str, bool, str]]:
    return [(q.text, q.direct, q.cue) for q in find_quotes(make_article(body))]


@pytest.mark.parametrize("lead,cue", [
    ("وأكد الوزير أن", "وأكد"),
    ("وقال الوزير إن", "وقال"),
    ("وأشار الوزير إلى أن", "وأشار"),
    ("وشدد الوزير على أن", "وشدد"),
    ("وأوضح الوزير، خلال زيارته للمدينة، أن", "وأوضح"),
    ("وقالت الوزيرة في تصريح صحفي إنّ", "وقالت"),
    ("ويرى الخبراء أن", "ويرى"),
])
def test_quotes_reported_cue_and_complementizer(lead, cue):
    body = f"{lead} المشروع سيكتمل قبل نهاية العام. وافتتح بعدها المعرض."
    assert texts(body) == [("المشروع سيكتمل قبل نهاية العام", False, cue)]


def test_quotes_reported_pronoun_complementizer_keeps_the_pronoun():
    body = "وأوضح المدير أنه سيزور المصنع غدا صباحا."
    assert texts(body) == [("أنه سيزور المصنع غدا صباحا", False, "وأوضح")]


def test_quotes_reported_participles_split_the_sentence():
    body = ("وأكد المتحدث أن الوضع تحت السيطرة، مشيرا إلى أن فرق الإنقاذ وصلت إلى الموقع، "
            "لافتا إلى أنه لا توجد إصابات خطيرة بين السكان.")
    assert texts(body) == [
        ("الوضع تحت السيطرة", False, "وأكد"),
        ("فرق الإنقاذ وصلت إلى الموقع", False, "مشيرا"),
        ("أنه لا توجد إصابات خطيرة بين السكان", False, "لافتا"),
    ]


def test_quotes_reported_closing_tag_is_left_out():
    body = "وأضاف أن الأسعار ستنخفض خلال الأشهر المقبلة، على حد قوله."
    assert texts(body) == [("الأسعار ستنخفض خلال الأشهر المقبلة", False, "وأضاف")]


@pytest.mark.parametrize("body", [
    "وصل الوفد بعد أن انتهت المفاوضات في العاصمة.",
    "ويذكر أن المعرض يقام كل عام في المدينة.",
    "يشار إلى أن الفريق سيواصل تمارينه اليوم.",
    "وقد تبين بعد التحريات أن المتهم من ذوي السوابق.",
    "وانتقل المدير إلى التابع للشركة إلا أن الطريق كان مغلقا تماما.",
])
def test_quotes_reported_not_speech(body):
    assert texts(body) == []


def test_quotes_reported_inner_scare_quote_stays_part_of_the_clause():
    body = 'وقال المكتب إن هناك "إخلالات جوهرية" في الحركة القضائية الأخيرة.'
    assert texts(body) == [('هناك "إخلالات جوهرية" في الحركة القضائية الأخيرة', False, "وقال")]


def test_quotes_reported_clause_that_is_all_quoted_is_direct():
    body = 'وقال الناطق "إن الحادث لم يخلف أي ضحايا بين المدنيين".'
    found = find_quotes(make_article(body))
    assert [(q.text, q.direct) for q in found] == [("إن الحادث لم يخلف أي ضحايا بين المدنيين", True)]


def test_quotes_reported_normalised_matching():
    # hamza-less and vocalised spellings of the cue and the complementizer
    body = "واكَّد الوزير انَّ المشروع سيكتمل قبل نهاية العام."
    assert texts(body) == [("المشروع سيكتمل قبل نهاية العام", False, "واكَّد")]
