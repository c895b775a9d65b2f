"""find_dates: every absolute form, Hijri, Arabic-Indic digits, all month families, false-hit guards."""

from __future__ import annotations

import pytest

from marsad.dates import find_dates
from marsad.dates import lexicon


def one(text: str):
    found = find_dates(text)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start:d.end] == d.text
    return d


@pytest.mark.parametrize("text,value,span", [
    ("19 نوفمبر 2024", "2024-11-19", "19 نوفمبر 2024"),
    ("19 تشرين الثاني 2024", "2024-11-19", "19 تشرين الثاني 2024"),
    ("الثلاثاء 19 تشرين الثاني/نوفمبر 2024", "2024-11-19", "الثلاثاء 19 تشرين الثاني/نوفمبر 2024"),
    ("19 شباط/فبراير 2020", "2020-02-19", "19 شباط/فبراير 2020"),
    ("19 شباط (فبراير) 2020", "2020-02-19", "19 شباط (فبراير) 2020"),
    ("19 جانفي 2017", "2017-01-19", "19 جانفي 2017"),
    ("الأربعاء 18 جانفي 2017 في موعد", "2017-01-18", "الأربعاء 18 جانفي 2017"),
    ("2024/11/19", "2024-11-19", "2024/11/19"),
    ("19/11/2024", "2024-11-19", "19/11/2024"),
    ("19-11-2024", "2024-11-19", "19-11-2024"),
    ("2024-11-19", "2024-11-19", "2024-11-19"),
    ("19.11.2024", "2024-11-19", "19.11.2024"),
    ("11/19/2024", "2024-11-19", "11/19/2024"),
    ("2017-01-20T21:43:00+01:00", "2017-01-20T21:43:00+01:00", "2017-01-20T21:43:00+01:00"),
    ("2024-11-19T10:32:00Z", "2024-11-19T10:32:00+00:00", "2024-11-19T10:32:00Z"),
    ("2024-11-19T10:32:00", "2024-11-19", "2024-11-19T10:32:00"),
    ("19th, November 2024 GMT", "2024-11-19", "19th, November 2024 GMT"),
    ("November 19, 2024", "2024-11-19", "November 19, 2024"),
    ("Nov 19, 2024 10:32 AM", "2024-11-19", "Nov 19, 2024 10:32 AM"),
    ("Nov 19, 2024 10:32 PM GMT", "2024-11-19T22:32:00+00:00", "Nov 19, 2024 10:32 PM GMT"),
    ("Tue, 19 Nov 2024 10:32:00 +0300", "2024-11-19T10:32:00+03:00", "Tue, 19 Nov 2024 10:32:00 +0300"),
    ("19 نوفمبر 2024 الساعة 10:30", "2024-11-19", "19 نوفمبر 2024 الساعة 10:30"),
    ("19 نوفمبر 2024 - 10:30 م", "2024-11-19", "19 نوفمبر 2024 - 10:30 م"),
    ("19 نوفمبر 2024 - 10:30 م GMT", "2024-11-19T22:30:00+00:00", "19 نوفمبر 2024 - 10:30 م GMT"),
    ("19/11/2024 - 14:05 بتوقيت مكة", "2024-11-19T14:05:00+03:00", "19/11/2024 - 14:05 بتوقيت مكة"),
    ("19/11/2024 14:05 +03:00", "2024-11-19T14:05:00+03:00", "19/11/2024 14:05 +03:00"),
    ("19/11/2024 12:05 ص GMT", "2024-11-19T00:05:00+00:00", "19/11/2024 12:05 ص GMT"),
    ("19 نوفمبر 2024م", "2024-11-19", "19 نوفمبر 2024م"),
    ("19 من نوفمبر من العام 2024", "2024-11-19", "19 من نوفمبر من العام 2024"),
    ("نوفمبر 2024", "2024-11", "نوفمبر 2024"),
    ("شهر تشرين الثاني 2024", "2024-11", "شهر تشرين الثاني 2024"),
    ("November 2024", "2024-11", "November 2024"),
    ("عام 2024", "2024", "عام 2024"),
    ("في العام 2013 حكم", "2013", "العام 2013"),
    ("لسنة 2011", "2011", "سنة 2011"),
])
def test_dates_find_forms(text, value, span):
    d = one(text)
    assert (d.value, d.text) == (value, span)


@pytest.mark.parametrize("text,value", [
    ("١٩ نوفمبر ٢٠٢٤", "2024-11-19"),
    ("٢٠٢٤/١١/١٩", "2024-11-19"),
    ("١٩/١١/٢٠٢٤", "2024-11-19"),
    ("۱۹ نوفمبر ۲۰۲۴", "2024-11-19"),  # Persian digits
    ("١٧ جمادى الأولى ١٤٤٦هـ", "2024-11-19"),
])
def test_dates_find_arabic_indic_digits(text, value):
    d = one(text)
    assert d.value == value and d.text == text


@pytest.mark.parametrize("text,value", [
    ("17 جمادى الأولى 1446هـ", "2024-11-19"),
    ("17 جمادى الاولى 1446 هـ", "2024-11-19"),
    ("1446/5/17 هـ", "2024-11-19"),
    ("17/5/1446هـ", "2024-11-19"),
    ("1446/05/17", "2024-11-19"),
    ("1 رمضان 1445", "2024-03-11"),
    ("10 ذي الحجة 1445هـ", "2024-06-16"),
    ("15-11-1436هـ", "2015-08-30"),
    ("9 / 11 / 1436هـ", "2015-08-24"),
    ("24-10- 1436ه", "2015-08-09"),
])
def test_dates_find_hijri_converted(text, value):
    assert one(text).value == value


@pytest.mark.parametrize("text", [
    "31 فبراير 2024", "30/02/2024", "2023-02-29", "32 نوفمبر 2024", "19/13/2024", "30 جمادى الأولى 1446هـ",
])
def test_dates_find_rejects_impossible_dates(text):
    # «32 نوفمبر 2024» still holds the month-year «نوفمبر 2024»; no day-level date may come out.
    assert [d for d in find_dates(text) if len(d.value) >= 10] == []


@pytest.mark.parametrize("text", [
    "فاز الفريق 3-1 على منافسه",
    "سجل 2024 نقطة في الموسم",
    "اتصل على 0501234567 أو 966-11-4567890",
    "الرقم 12/34",
    "النتيجة 2-2 في الشوط الأول",
    "بلغ عدد السكان 19 مليون نسمة",
    "مارس الضغط على الحكومة",
    "ارتفع المؤشر 1.5% إلى 10.30 نقطة",
    "صدر القانون رقم 2024",
])
def test_dates_find_no_false_hits(text):
    assert find_dates(text) == []


def test_dates_find_day_month_without_year_is_not_absolute():
    assert find_dates("وصل يوم 19 نوفمبر إلى الرياض") == []


def test_dates_find_several_sorted_non_overlapping():
    text = "بين 1 يناير 2020 و2020/12/31، ثم في عام 2021 ونوفمبر 2022."
    found = find_dates(text)
    assert [d.value for d in found] == ["2020-01-01", "2020-12-31", "2021", "2022-11"]
    assert all(text[d.start:d.end] == d.text for d in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def _families():
    names = lexicon.cldr_month_names()
    return {
        "egypt_gulf": names["ar"]["format-wide"],
        "levant": names["ar-SY"]["format-wide"],
        "maghreb": names["ar-TN"]["format-wide"],
    }


@pytest.mark.parametrize("family", ["egypt_gulf", "levant", "maghreb"])
@pytest.mark.parametrize("month", range(1, 13))
def test_dates_find_all_three_month_families(family, month):
    name = _families()[family][month - 1]
    assert one(f"صدر في 9 {name} 2023 بيان").value == f"2023-{month:02d}-09"


def _locale_month_cases():
    for loc, widths in sorted(lexicon.cldr_month_names().items()):
        for width in ("format-wide", "stand-alone-wide", "format-abbreviated"):
            for i, name in enumerate(widths[width]):
                yield pytest.param(loc, width, i + 1, name, id=f"{loc}-{width}-{i + 1}")


@pytest.mark.parametrize("loc,width,month,name", list(_locale_month_cases()))
def test_dates_find_every_cldr_locale_month_name(loc, width, month, name):
    assert one(f"{28} {name} 2021").value == f"2021-{month:02d}-28"
    assert one(f"{name} 2021").value == f"2021-{month:02d}"


@pytest.mark.parametrize("text,value", [
    ("19 يونيه 2024", "2024-06-19"), ("19 يوليه 2024", "2024-07-19"), ("19 ابريل 2024", "2024-04-19"),
    ("19 إبريل 2024", "2024-04-19"), ("19 ايار 2024", "2024-05-19"), ("19 تشرين أول 2024", "2024-10-19"),
    ("19 كانون ثاني 2024", "2024-01-19"), ("19 ماي 2024", "2024-05-19"), ("19 اغسطس 2024", "2024-08-19"),
    ("19 آب 2024", "2024-08-19"), ("19 أوت 2024", "2024-08-19"), ("19 ذو الحجة 1445", "2024-06-25"),
    ("19 ربيع الاول 1446", "2024-09-22"), ("19 Sept 2024", "2024-09-19"), ("19 Aug. 2024", "2024-08-19"),
    ("19 غشت 2024", "2024-08-19"), ("19 دجمبر 2024", "2024-12-19"),
])
def test_dates_find_spelling_variants(text, value):
    assert one(text).value == value


def test_dates_find_diacritics_and_tatweel_keep_original_offsets():
    text = "جرى ذلك فى ١٩ نوفمـــبر ٢٠٢٤م، ثم"
    d = one(text)
    assert d.value == "2024-11-19" and d.text == "١٩ نوفمـــبر ٢٠٢٤م"
