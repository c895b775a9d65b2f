"""time_expressions: kinds, resolution against a publication date, word boundaries, offsets."""

from __future__ import annotations

import pytest

from marsad.dates import time_expressions
from marsad.errors import UsageError

PUBLISHED = "2024-11-19"  # a Tuesday


def exprs(body: str, published: str | None = PUBLISHED):
    out = time_expressions(body, published)
    for t in out:
        assert body[t.start:t.end] == t.text
    return out


def only(body: str, published: str | None = PUBLISHED):
    out = exprs(body, published)
    assert len(out) == 1, out
    return out[0]


# Published 2024-11-19 is a Tuesday.
@pytest.mark.parametrize("body,text,value,kind", [
    ("وقال يوم الثلاثاء إن", "يوم الثلاثاء", "2024-11-19", "weekday"),
    ("وقال الثلاثاء إن", "الثلاثاء", "2024-11-19", "weekday"),
    ("زار الوفد يوم الثلاثاء الماضي", "يوم الثلاثاء الماضي", "2024-11-12", "weekday"),
    ("زار الوفد الأحد", "الأحد", "2024-11-17", "weekday"),
    ("زار الوفد الأربعاء", "الأربعاء", "2024-11-13", "weekday"),
    ("زار الوفد يوم الاثنين الماضي", "يوم الاثنين الماضي", "2024-11-18", "weekday"),
    ("يعود الثلاثاء المقبل", "الثلاثاء المقبل", "2024-11-26", "weekday"),
    ("يعود الخميس القادم", "الخميس القادم", "2024-11-21", "weekday"),
    ("قصف مساء الثلاثاء", "مساء الثلاثاء", "2024-11-19", "weekday"),
    ("قصف صباح الأحد", "صباح الأحد", "2024-11-17", "weekday"),
    ("وبعد صلاة الجمعة", "الجمعة", "2024-11-15", "weekday"),
    ("والسبت الماضي", "السبت الماضي", "2024-11-16", "weekday"),
])
def test_dates_expressions_weekdays(body, text, value, kind):
    t = only(body)
    assert (t.text, t.value, t.kind) == (text, value, kind)


@pytest.mark.parametrize("body,text,value", [
    ("أعلن اليوم الثلاثاء", "اليوم الثلاثاء", "2024-11-19"),
    ("أعلن اليوم (الثلاثاء)", "اليوم (الثلاثاء)", "2024-11-19"),
    ("أعلن اليوم الأربعاء", "اليوم الأربعاء", "2024-11-19"),  # today is the publication day, see module doc
    ("أعلن اليوم", "اليوم", "2024-11-19"),
    ("وصل أمس", "أمس", "2024-11-18"),
    ("وصل وأمس", "أمس", "2024-11-18"),
    ("وصل بالأمس", "الأمس", "2024-11-18"),
    ("وصل أمس الاثنين", "أمس الاثنين", "2024-11-18"),
    ("وصل مساء أمس", "مساء أمس", "2024-11-18"),
    ("وصل البارحة", "البارحة", "2024-11-18"),
    ("وصل أمس الأول", "أمس الأول", "2024-11-17"),
    ("وصل أول أمس", "أول أمس", "2024-11-17"),
    ("يصل غدا", "غدا", "2024-11-20"),
    ("يصل غداً", "غداً", "2024-11-20"),
    ("يصل غدًا الأربعاء", "غدًا الأربعاء", "2024-11-20"),
    ("يصل يوم غد", "يوم غد", "2024-11-20"),
    ("يصل صباح الغد", "صباح الغد", "2024-11-20"),
    ("يصل بعد غد", "بعد غد", "2024-11-21"),
    ("يصل الليلة", "الليلة", "2024-11-19"),
    ("وقع الليلة الماضية", "الليلة الماضية", "2024-11-18"),
    ("منذ ثلاثة أيام", "منذ ثلاثة أيام", "2024-11-16"),
    ("منذ 3 أيام", "منذ 3 أيام", "2024-11-16"),
    ("قبل يومين", "قبل يومين", "2024-11-17"),
    ("قبل أسبوع", "قبل أسبوع", "2024-11-12"),
    ("قبل أسبوعين", "قبل أسبوعين", "2024-11-05"),
    ("منذ عشرة أيام", "منذ عشرة أيام", "2024-11-09"),
    ("منذ 15 يوما", "منذ 15 يوما", "2024-11-04"),
    ("قبل شهرين", "قبل شهرين", "2024-09"),
    ("منذ عامين", "منذ عامين", "2022"),
    ("منذ ثماني سنوات", "منذ ثماني سنوات", "2016"),
    ("بعد يومين", "بعد يومين", "2024-11-21"),
    ("الأسبوع الماضي", "الأسبوع الماضي", "2024-W46"),
    ("الأسبوع المقبل", "الأسبوع المقبل", "2024-W48"),
    ("هذا الأسبوع", "هذا الأسبوع", "2024-W47"),
    ("الشهر الماضي", "الشهر الماضي", "2024-10"),
    ("الشهر المقبل", "الشهر المقبل", "2024-12"),
    ("الشهر الجاري", "الشهر الجاري", "2024-11"),
    ("العام الماضي", "العام الماضي", "2023"),
    ("السنة المقبلة", "السنة المقبلة", "2025"),
    ("العام الجاري", "العام الجاري", "2024"),
    ("هذا العام", "هذا العام", "2024"),
    ("في مارس الماضي", "مارس الماضي", "2024-03"),
    ("في نوفمبر الماضي", "نوفمبر الماضي", "2023-11"),
    ("نوفمبر المقبل", "نوفمبر المقبل", "2025-11"),
    ("في آذار المقبل", "آذار المقبل", "2025-03"),
    ("في شهر مارس الماضي", "شهر مارس الماضي", "2024-03"),
    ("في 19 نوفمبر", "19 نوفمبر", "2024-11-19"),
    ("في 2 يناير", "2 يناير", "2025-01-02"),
])
def test_dates_expressions_relative(body, text, value):
    t = only(body)
    assert (t.text, t.value, t.kind) == (text, value, "relative")


@pytest.mark.parametrize("body,text", [
    ("خلال الأيام الماضية", "خلال الأيام الماضية"),
    ("خلال الأسبوع", "خلال الأسبوع"),
    ("لمدة ثلاثة أسابيع", "لمدة ثلاثة أسابيع"),
    ("خلال يومين", "خلال يومين"),
    ("على مدى عامين", "على مدى عامين"),
    ("طوال العام", "طوال العام"),
    ("خلال الأشهر القليلة المقبلة", "خلال الأشهر القليلة المقبلة"),
])
def test_dates_expressions_durations(body, text):
    t = only(body)
    assert (t.text, t.value, t.kind) == (text, None, "duration")


@pytest.mark.parametrize("body,text", [
    ("قبل أسبوع من الانتخابات", "قبل أسبوع"),
    ("منذ أيام", "منذ أيام"),
    ("منذ عدة أشهر", "منذ عدة أشهر"),
])
def test_dates_expressions_vague_relative_has_no_value(body, text):
    t = only(body)
    assert (t.text, t.value, t.kind) == (text, None, "relative")


@pytest.mark.parametrize("body,text,value,kind", [
    ("وقع في 19 نوفمبر 2024 الاتفاق", "19 نوفمبر 2024", "2024-11-19", "absolute"),
    ("عام 2011 كان", "عام 2011", "2011", "other"),
    ("منذ عام 2011", "عام 2011", "2011", "other"),
    ("في الثلاثاء 19 نوفمبر 2024", "الثلاثاء 19 نوفمبر 2024", "2024-11-19", "absolute"),
])
def test_dates_expressions_absolute(body, text, value, kind):
    t = only(body)
    assert (t.text, t.value, t.kind) == (text, value, kind)


@pytest.mark.parametrize("body", [
    "حتى الآن لم يصدر أي بيان",
    "الآن",
    "النشرة اليومية",
    "يوميا",
    "خلال اليومين",
    "أمسية شعرية",
    "التقى خميس الجهيناوي",
    "قال أحد المسؤولين",
    "أحد الطرفين",
    "في اليوم التالي",
    "اليوم الوطني",
    "في ذلك اليوم",
    "صحيفة اليوم",
    "أجيال الغد",
    "لامس الكرة",
    "الأحد عشر لاعبا",
    "سبت وأحد",
    "مارس الضغط",
    "بغداد",
    "سجل 2024 نقطة",
    "فاز 3-1",
])
def test_dates_expressions_no_false_hits(body):
    assert exprs(body) == []


def test_dates_expressions_without_published_keeps_absolute_values():
    out = exprs("أمس الثلاثاء وفي 19 نوفمبر 2024 والأسبوع الماضي والثلاثاء", None)
    assert [(t.kind, t.value) for t in out] == [
        ("relative", None), ("absolute", "2024-11-19"), ("relative", None), ("weekday", None)]


def test_dates_expressions_published_datetime_and_non_iso():
    assert only("أمس", "2024-11-19T10:30:00+03:00").value == "2024-11-18"
    assert only("أمس", "19/11/2024").value == "2024-11-18"


def test_dates_expressions_bad_published_raises():
    with pytest.raises(UsageError):
        time_expressions("أمس", "not a date")


def test_dates_expressions_sorted_non_overlapping_on_a_paragraph():
    body = ("قال الوزير اليوم (الثلاثاء) إن الوفد زار أمس الاثنين، وسيعود الخميس المقبل، بعد اجتماع "
            "عقد في 19 نوفمبر 2024 الموافق 17 جمادى الأولى 1446هـ، ومنذ ثلاثة أيام تتواصل المحادثات "
            "خلال الأيام الماضية، على أن تستكمل الشهر المقبل.")
    out = exprs(body)
    assert [t.text for t in out] == ["اليوم (الثلاثاء)", "أمس الاثنين", "الخميس المقبل", "19 نوفمبر 2024",
                                     "17 جمادى الأولى 1446هـ", "منذ ثلاثة أيام", "خلال الأيام الماضية",
                                     "الشهر المقبل"]
    assert all(a.end <= b.start for a, b in zip(out, out[1:]))


def test_dates_expressions_diacritics_inside_words():
    body = "وَصَلَ أَمْسِ وَيَعُودُ غَدًا"
    out = exprs(body)
    assert [(t.text, t.value) for t in out] == [("أَمْسِ", "2024-11-18"), ("غَدًا", "2024-11-20")]


def test_dates_expressions_empty_body():
    assert time_expressions("", PUBLISHED) == []
