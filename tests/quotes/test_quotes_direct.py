"""Direct quotes: every kind of quotation mark, unclosed and nested marks, colon quotes, several paragraphs."""

from __future__ import annotations

import pytest

from marsad.quotes import find_quotes
from tests.quotes.conftest import make_article


def texts(body: str) -> list[tuple[str, bool]]:
    return [(q.text, q.direct) for q in find_quotes(make_article(body))]


@pytest.mark.parametrize("opening,closing", [("«", "»"), ("“", "”"), ('"', '"'), ("‘", "’"), ("„", "“")])
def test_quotes_direct_every_mark(opening, closing):
    body = f"وقال رئيس البلدية: {opening}سنبدأ أشغال الطريق الجديد بعد العيد{closing}."
    assert texts(body) == [("سنبدأ أشغال الطريق الجديد بعد العيد", True)]


def test_quotes_direct_after_verb_without_colon():
    body = 'وأضاف المدرب "اللاعبون قدموا مباراة كبيرة رغم الغيابات".'
    assert texts(body) == [("اللاعبون قدموا مباراة كبيرة رغم الغيابات", True)]


def test_quotes_direct_unclosed_runs_to_paragraph_end():
    body = "وقالت الوزيرة: «نحن ماضون في الإصلاح مهما كانت الصعوبات\nوفي سياق آخر افتتح المعرض."
    assert texts(body) == [("نحن ماضون في الإصلاح مهما كانت الصعوبات", True)]


def test_quotes_direct_nested_marks_stay_inside():
    body = 'وقال المحامي: «موكلي لم يقل "أنا مذنب" في أي وقت أمام المحكمة».'
    assert texts(body) == [('موكلي لم يقل "أنا مذنب" في أي وقت أمام المحكمة', True)]


@pytest.mark.parametrize("intro", ["قائلا:", "بالقول:", "قائلة:"])
def test_quotes_direct_colon_intro_without_marks(intro):
    body = f"وعلق المسؤول على الحادث {intro} لن نسمح بتكرار ما جرى في الحي\nوانتهى الاجتماع مساء."
    assert texts(body) == [("لن نسمح بتكرار ما جرى في الحي", True)]


def test_quotes_direct_colon_after_reporting_verb():
    body = "وأضاف مدير المستشفى: الحالة مستقرة والمصابون يتلقون العلاج اللازم.\nوتواصل التحقيق."
    assert texts(body) == [("الحالة مستقرة والمصابون يتلقون العلاج اللازم.", True)]


def test_quotes_direct_spanning_paragraphs():
    body = ("وقال الرئيس في خطابه: «لقد مرت البلاد بظروف صعبة.\n"
            "«لكننا تجاوزناها بفضل وحدة الشعب وصبره».\n"
            "وصفق الحاضرون طويلا.")
    found = find_quotes(make_article(body))
    assert len(found) == 1
    assert found[0].text == "لقد مرت البلاد بظروف صعبة.\n«لكننا تجاوزناها بفضل وحدة الشعب وصبره"


def test_quotes_direct_unclosed_without_continuation_stops_at_paragraph():
    body = "وقال الرئيس: «لقد مرت البلاد بظروف صعبة\nوصفق الحاضرون طويلا."
    assert texts(body) == [("لقد مرت البلاد بظروف صعبة", True)]


@pytest.mark.parametrize("body", [
    "حذر الكاتب من «ثورة ملونة» في البلاد.",
    'ونقلت وكالة "سبوتنيك" خبر الافتتاح عن مصادرها.',
    "شارك الفيلم «الطريق إلى دمشق» في المهرجان.",
    'ويعرض برنامج "سينما سينما" كل أسبوع.',
    'وأكد النائب في تصريح لجريدة "الصباح" اهتمامه بالملف.',
])
def test_quotes_direct_names_titles_and_scare_quotes_are_not_quotes(body):
    assert texts(body) == []


def test_quotes_direct_cue_after_the_quote():
    body = "«سنعيد بناء كل ما تهدم»، قال المحافظ أمام السكان."
    found = find_quotes(make_article(body))
    assert [(q.text, q.direct, q.cue, q.speaker_text) for q in found] == [
        ("سنعيد بناء كل ما تهدم", True, "قال", "المحافظ")]


def test_quotes_direct_offsets_and_ids():
    body = "وقال الوزير: «الأول».\nوأضاف: «الميزانية ستصدر قريبا جدا».\nوتابع: «ولن نرفع الضرائب هذا العام»."
    found = find_quotes(make_article(body))
    assert [q.id for q in found] == [f"q{i}" for i in range(1, len(found) + 1)]
    for q in found:
        assert body[q.start:q.end] == q.text
