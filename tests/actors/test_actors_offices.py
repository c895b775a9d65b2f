"""Dated offices: the code and country an actor had on the article's date."""

from __future__ import annotations

from marsad.actors import resolve
from tests.actors._helpers import by_actor


def test_actors_office_country_follows_the_date():
    body = "وقال أحمد أبو الغيط إن الاجتماع كان مثمرا."
    then = by_actor(resolve(body, [], date="2007-05-01"), "marsad:per/ahmed-aboul-gheit")
    now = by_actor(resolve(body, [], date="2024-05-01"), "marsad:per/ahmed-aboul-gheit")
    assert (then.country, then.code) == ("EGY", "EGYGOV")
    assert now.code.startswith("IGO")


def test_actors_petrarch_person_has_dated_codes():
    body = "وقال نوري المالكي إن الحكومة ماضية في خطتها."
    ents = resolve(body, [], date="2012-03-01")  # the dictionary dates his 2010-2014 term
    person = [e for e in ents if e.type == "PER"]
    assert person and person[0].country == "IRQ" and person[0].code == "IRQGOV"


def test_actors_given_names_from_country_names_are_not_agent_phrases():
    # «سليمان» (جزر سليمان) and «طارق» (جبل طارق) are given names: these office holders are in the base
    for name, iso3 in (("ميشال سليمان", "LBN"), ("طارق الهاشمي", "IRQ")):
        body = f"وقال {name} إن الاجتماع كان مثمرا."
        assert any(e.country == iso3 and e.type == "PER" for e in resolve(body, [], date="2009-01-01")), name
