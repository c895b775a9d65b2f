"""Roles from titles and appositions; the role's nationality sets the country of unknown people."""

from __future__ import annotations

import pytest

from marsad.actors import resolve
from tests.actors._helpers import by_actor, by_name, span


@pytest.mark.parametrize("body,name,role", [
    ("أعلن سفير إيران لدى موسكو، كاظم جلالي، أن الاتفاق قريب.", "كاظم جلالي", "سفير إيران لدى موسكو"),
    ("وصل نائب وزير الخارجية الإيراني مجيد تخت روانجي إلى فيينا.", "مجيد تخت روانجي", "نائب وزير الخارجية الإيراني"),
    ("حذر مدير الوكالة الدولية للطاقة الذرية رافائيل غروسي من التصعيد.", "رافائيل غروسي",
     "مدير الوكالة الدولية للطاقة الذرية"),
    ("قال رافائيل غروسي، مدير الوكالة الدولية للطاقة الذرية، إن التفتيش مستمر.", "رافائيل غروسي",
     "مدير الوكالة الدولية للطاقة الذرية"),
])
def test_actors_roles_apposition_and_title(body, name, role):
    ents = resolve(body, [span(body, name, "PER")])
    person = next(e for e in ents if e.type == "PER")
    assert role in person.roles


def test_actors_roles_country_from_nationality_when_not_in_base():
    body = "وكتب الكاتب والمحلل السياسي الإيراني مهدي خسروي مقالا عن المفاوضات."
    ents = resolve(body, [span(body, "مهدي خسروي", "PER")])
    p = by_name(ents, "مهدي خسروي")
    assert p.roles == ("الكاتب والمحلل السياسي الإيراني",)
    assert p.actor is None and p.country == "IRN"
    assert p.name_latin and p.name_latin[0].isupper()


def test_actors_roles_country_from_country_name():
    body = "وقال سفير تركيا لدى بغداد، أحمد يلدز، إن العلاقات جيدة."
    ents = resolve(body, [span(body, "أحمد يلدز", "PER")])
    p = by_name(ents, "أحمد يلدز")
    assert p.country == "TUR" and p.code == "TURGOV"


def test_actors_roles_base_person_keeps_base_country():
    body = "قال وزير الخارجية الإيراني عباس عراقجي إن بلاده مستعدة."
    ents = resolve(body, [span(body, "عباس عراقجي", "PER")])
    a = by_actor(ents, "marsad:per/abbas-araghchi")
    assert a.country == "IRN" and a.code == "IRNGOV" and a.roles == ("وزير الخارجية الإيراني",)


@pytest.mark.parametrize("org,code", [("الشرطة العراقية", "IRQCOP"), ("حكومة إيران", "IRNGOV")])
def test_actors_roles_unlinked_organisation_gets_country_and_agent(org, code):
    body = f"وقالت {org} في بيان إن الوضع تحت السيطرة."
    ents = resolve(body, [span(body, org, "ORG")])
    e = next(x for x in ents if x.type == "ORG")
    assert e.code == code and e.country == code[:3]


def test_actors_roles_apposition_without_comma_when_it_names_a_country():
    body = "نجا أحمد سالم نوري عمدة العاصمة الكينية من الهجوم."
    ents = resolve(body, [span(body, "أحمد سالم نوري", "PER")])
    p = by_name(ents, "أحمد سالم نوري")
    assert p.country == "KEN" and p.code == "KENGOV" and "عمدة العاصمة الكينية" in p.roles


def test_actors_roles_city_in_role_gives_country_of_unknown_person():
    body = "اغتيل العقيد كريم ناصر، مدير الشرطة في الموصل، أمس."
    ents = resolve(body, [span(body, "كريم ناصر", "PER")])
    p = by_name(ents, "كريم ناصر")
    assert p.actor is None and p.country == "IRQ"
