"""Readings that depend on context: «عمان» as Oman or Amman, honorific pronouns, roles in construct."""

from __future__ import annotations

import pytest

from marsad.actors import resolve
from tests.actors._helpers import by_actor, texts


@pytest.mark.parametrize("body", [
    "وصل الوفد إلى العاصمة الأردنية عمان أمس.",
    "استقبل الملك عبد الله في عمان الوفد، وقالت الحكومة الأردنية إن الزيارة ناجحة.",
])
def test_actors_amman_in_a_jordanian_context(body):
    ents = resolve(body, [])
    amman = [e for e in ents if any(m.text == "عمان" for m in e.mentions)]
    assert amman and amman[0].country == "JOR" and amman[0].actor.startswith("marsad:place/")


@pytest.mark.parametrize("body", [
    "وصل وزير الخارجية إلى سلطنة عمان أمس.",
    "قال مسؤول عماني في عمان إن المحادثات مستمرة.",
    "وقعت عمان اتفاقا مع إيران.",
])
def test_actors_oman_stays_oman(body):
    ents = resolve(body, [])
    assert any(e.actor == "marsad:gpe/OMN" for e in ents)


def test_actors_honorific_pronoun_joins_the_person_with_that_title():
    body = "استقبل الأمير محمد بن سلمان الوزير الفرنسي، وأكد سموه أهمية العلاقات."
    ents = resolve(body, [])
    assert texts(by_actor(ents, "marsad:per/mohammed-bin-salman")) == ["الأمير محمد بن سلمان", "سموه"]


def test_actors_honorific_pronoun_with_a_clitic():
    body = "وصل الرئيس الفرنسي إيمانويل ماكرون، ونقل عن فخامته أن بلاده مستعدة."
    ents = resolve(body, [])
    assert "فخامته" in texts(by_actor(ents, "marsad:per/emmanuel-macron"))


def test_actors_honorific_pronoun_without_a_person_is_nothing():
    body = "وأكد سموه أهمية العلاقات."
    assert not resolve(body, [])


def test_actors_role_in_construct_with_a_person_is_another_person():
    body = "وقال سفير خادم الحرمين الشريفين لدى مصر أحمد القطان إن العلاقات متينة."
    s = body.index("أحمد القطان")
    ents = resolve(body, [(s, s + len("أحمد القطان"), "PER")])
    envoy = next(e for e in ents if e.name == "أحمد القطان")
    assert envoy.country == "SAU" and envoy.roles == ("سفير خادم الحرمين الشريفين لدى مصر",)
    king = next(e for e in ents if e.actor == "marsad:per/salman-bin-abdulaziz")
    assert king.roles == ()


def test_actors_role_only_office_of_several_words():
    body = "وقال كاتب الدولة المكلف بالشؤون الخارجية المغربي إن المحادثات مثمرة."
    ents = resolve(body, [])
    assert [(e.type, e.country, e.code) for e in ents] == [("PER", "MAR", "MARGOV")]


def test_actors_sports_role_gives_a_country():
    body = "وقال مدرب المنتخب السعودي إن اللاعبين جاهزون."
    ents = resolve(body, [])
    assert [(e.type, e.country) for e in ents] == [("PER", "SAU")]
