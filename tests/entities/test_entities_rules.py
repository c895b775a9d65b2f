"""Post-tagger rules (marsad.entities.rules) on sentences written for these tests, with hand-given tagger spans."""

from __future__ import annotations

import pytest

from marsad.entities.rules import apply


def spans_of(text: str, result) -> set[tuple[str, str]]:
    return {(text[s:e], t) for s, e, t in result}


def at(text: str, surface: str, typ: str, nth: int = 0) -> tuple[int, int, str]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(surface, i + 1)
    return (i, i + len(surface), typ)


def test_rules_person_after_title_and_role():
    text = "وقال وزير الخارجية الياباني كينجي تاناكا إن بلاده ترحب بالاتفاق."
    assert ("كينجي تاناكا", "PER") in spans_of(text, apply(text, []))


def test_rules_role_with_organisation_before_name():
    text = "وقال المتحدث باسم الأمم المتحدة ستيفان دوجاريك للصحفيين إن الوضع صعب."
    out = spans_of(text, apply(text, []))
    assert ("ستيفان دوجاريك", "PER") in out
    assert ("الأمم المتحدة", "ORG") in out


def test_rules_title_stripped_from_tagged_person():
    text = "وصل الأميرال جون هاريسون إلى الميناء."
    out = spans_of(text, apply(text, [at(text, "الأميرال جون هاريسون", "PER")]))
    assert out == {("جون هاريسون", "PER")}


def test_rules_quoted_agency_after_head():
    text = "ونقلت وكالة “سبوتنيك” عن مصدر مطلع أن المحادثات انتهت."
    assert ("سبوتنيك", "ORG") in spans_of(text, apply(text, []))


def test_rules_newspaper_name_without_quotes():
    text = "وذكرت صحيفة بوسطن غلوب أمس أن الشركة ستغلق مصنعها."
    assert ("بوسطن غلوب", "ORG") in spans_of(text, apply(text, []))


def test_rules_descriptive_agency_name_is_whole():
    text = "أفادت وكالة الأنباء الكينية الرسمية بأن الأمطار توقفت."
    assert ("وكالة الأنباء الكينية", "ORG") in spans_of(text, apply(text, []))


def test_rules_known_multiword_organisations():
    text = "وأبلغت الترويكا الأوروبية الوكالة الدولية للطاقة الذرية بقرارها."
    out = spans_of(text, apply(text, [at(text, "الأوروبية", "LOC")]))
    assert ("الترويكا الأوروبية", "ORG") in out
    assert ("الوكالة الدولية للطاقة الذرية", "ORG") in out


def test_rules_country_tagged_loc_becomes_gpe_and_adjective_dropped():
    text = "زار الوفد السعودية ثم التقى المسؤولين في الحكومة السورية."
    out = spans_of(text, apply(text, [at(text, "السعودية", "LOC"), at(text, "السورية", "LOC")]))
    assert ("السعودية", "GPE") in out
    assert not any(s == "السورية" for s, _ in out)


def test_rules_seat_of_power_is_an_organisation():
    text = "وقال البيت الأبيض إن الزيارة تأجلت."
    assert ("البيت الأبيض", "ORG") in spans_of(text, apply(text, [at(text, "البيت الأبيض", "MISC")]))


def test_rules_descriptor_dropped_from_organisation():
    text = "وتبنى تنظيم داعش الهجوم."
    assert ("داعش", "ORG") in spans_of(text, apply(text, [at(text, "تنظيم داعش", "ORG")]))


def test_rules_full_name_repeated_over_partial_span():
    text = "التقى الوزير ماركو بيليني بالسفير. وقال ماركو بيليني إن اللقاء كان مثمرا."
    given = [at(text, "ماركو بيليني", "PER"), at(text, "بيليني", "PER", 1)]
    out = apply(text, given)
    assert at(text, "ماركو بيليني", "PER", 1) in out


@pytest.mark.parametrize("text", ["", "   ", "!!!"])
def test_rules_empty_and_punctuation_only(text):
    assert apply(text, []) == []


def test_rules_offsets_point_into_text():
    text = "وقال الرئيس الكيني أوهورو كينياتا لوكالة “شينخوا” إن منظمة الصحة العالمية ساعدت بلاده."
    for s, e, _ in apply(text, []):
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
