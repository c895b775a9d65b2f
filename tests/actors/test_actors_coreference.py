"""Coreference inside an article: surnames, variants, role-only mentions, titles, clitics, possessives."""

from __future__ import annotations

import pytest

from marsad.actors import resolve
from tests.actors._helpers import by_actor, by_name, span, texts

BODY = ("أعلن سفير إيران لدى موسكو، كاظم جلالي، أن المفاوضات بلغت مراحلها الأخيرة. "
        "وأضاف السفير الإيراني أن الاتفاق لا يستهدف أحدا. وقال جلالي إن الرئيس الروسي فلاديمير بوتين "
        "سيستقبل نظيره، وإن بوتين يدعم الاتفاق. وكرر وبوتين موقفه.")


@pytest.fixture(scope="module")
def entities():
    return resolve(BODY, [span(BODY, "كاظم جلالي", "PER"), span(BODY, "الرئيس الروسي فلاديمير بوتين", "PER")])


def test_actors_coreference_surname_joins_full_name(entities):
    jalali = by_actor(entities, "marsad:per/kazem-jalali")
    assert texts(jalali)[0] == "كاظم جلالي"
    assert "جلالي" in texts(jalali)[1:]


def test_actors_coreference_role_only_mention_points_back(entities):
    jalali = by_actor(entities, "marsad:per/kazem-jalali")
    assert "السفير الإيراني" in texts(jalali)
    # the nationality word inside the role mention is not a separate NORP mention
    assert not any(e.type == "NORP" and "الإيراني" in texts(e) for e in entities)


def test_actors_coreference_title_stripped_and_kept_as_role(entities):
    putin = by_actor(entities, "marsad:per/vladimir-putin")
    assert putin.name == "فلاديمير بوتين" and putin.name_latin == "Vladimir Putin"
    assert "الرئيس الروسي" in putin.roles
    assert texts(putin)[0] == "فلاديمير بوتين"


def test_actors_coreference_clitic_forms_trimmed(entities):
    putin = by_actor(entities, "marsad:per/vladimir-putin")
    assert texts(putin).count("بوتين") == 2  # «وإن بوتين» and «وبوتين» → «بوتين»


def test_actors_coreference_offsets_hold(entities):
    for e in entities:
        for m in e.mentions:
            assert BODY[m.start:m.end] == m.text


def test_actors_coreference_ids_in_order_of_first_mention(entities):
    firsts = [e.mentions[0].start for e in entities]
    assert firsts == sorted(firsts)
    assert [e.id for e in entities] == [f"e{i}" for i in range(1, len(entities) + 1)]


def test_actors_coreference_unknown_person_surname_and_variant():
    body = "قال المحلل السياسي العراقي حيدر الموسوي إن الحكومة ضعيفة. وأضاف الموسوي أن الانتخابات قريبة."
    ents = resolve(body, [span(body, "حيدر الموسوي", "PER")])
    p = by_name(ents, "حيدر الموسوي")
    assert p.actor is None and texts(p) == ["حيدر الموسوي", "الموسوي"]
    assert p.country == "IRQ" and p.roles == ("المحلل السياسي العراقي",)


def test_actors_coreference_spacing_variant_in_compound():
    body = "التقى كاظم غريب آبادي بالوفد. ثم قال غريب أبادي إن اللقاء مثمر."
    ents = resolve(body, [span(body, "كاظم غريب آبادي", "PER"), span(body, "غريب أبادي", "PER")])
    g = by_actor(ents, "marsad:per/kazem-gharibabadi")
    assert texts(g) == ["كاظم غريب آبادي", "غريب أبادي"]


@pytest.mark.parametrize("word", ["رئيسه", "سفيرنا", "وزيرهم"])
def test_actors_coreference_possessive_role_nouns_are_not_persons(word):
    body = f"استقبل الرئيس الروسي فلاديمير بوتين الوفد، وقال {word} إن الزيارة مهمة."
    ents = resolve(body, [span(body, "فلاديمير بوتين", "PER")])
    for e in ents:
        assert all(word not in m.text for m in e.mentions)
