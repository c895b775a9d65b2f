"""Tagger spans that cut, overrun or mislabel a name link as well as the base aliases alone would."""

from __future__ import annotations

import pytest

from marsad.actors import resolve
from tests.actors._helpers import by_actor, span, texts


def test_actors_span_inside_a_longer_alias_takes_the_alias():
    body = "وصل الوفد إلى جنوب أفريقيا أمس، وتحدث المذيع في قناة «الجزيرة» عن الزيارة."
    ents = resolve(body, [span(body, "أفريقيا", "LOC"), span(body, "الجزيرة", "ORG")])
    assert by_actor(ents, "marsad:gpe/ZAF")
    assert by_actor(ents, "marsad:org/aljazeera")
    assert not any(e.country in ("CHN", "DZA") for e in ents)


# a person span that a titled alias holds, or that holds one: the titled alias's actor
TITLED_PERSON_SPANS = [
    pytest.param("وصل الملك سلمان إلى جدة.", "سلمان", "marsad:per/salman-bin-abdulaziz",
                 id="test_actors_person_span_inside_a_titled_alias"),
    pytest.param("وصل أمير قطر إلى العاصمة.", "أمير قطر", "marsad:per/tamim-bin-hamad",
                 id="test_actors_person_span_holding_its_title_alias"),
]


@pytest.mark.parametrize(("body", "person", "actor"), TITLED_PERSON_SPANS)
def test_actors_person_span_and_a_titled_alias(body, person, actor):
    ents = resolve(body, [span(body, person, "PER")])
    assert by_actor(ents, actor)


def test_actors_org_span_prefers_the_organisation_over_a_surname():
    body = "قال المتحدث باسم الحوثي إن الهجوم فشل."
    ents = resolve(body, [span(body, "الحوثي", "ORG")])
    assert by_actor(ents, "marsad:org/houthis").type == "ORG"


def test_actors_person_span_with_a_longer_patronymic_chain():
    body = "استقبل الأمير محمد بن سلمان بن عبد العزيز الوفد."
    ents = resolve(body, [span(body, "محمد بن سلمان بن عبد العزيز", "PER")])
    e = by_actor(ents, "marsad:per/mohammed-bin-salman")
    assert texts(e) == ["محمد بن سلمان بن عبد العزيز"]
    assert not any(x.actor and "petrarch" in x.actor for x in ents)


def test_actors_person_span_that_is_only_a_role_is_an_office():
    body = "وصل الرئيس التشادي إلى العاصمة."
    ents = resolve(body, [span(body, "الرئيس التشادي", "PER")])
    assert len(ents) == 1 and ents[0].country == "TCD" and ents[0].actor is None
    assert ents[0].code == "TCDGOV"


def test_actors_role_mention_gives_its_country_to_an_unknown_person():
    body = "وصل الرئيس زكريا عبد الرحيم إلى العاصمة. وقال الرئيس التشادي إن الزيارة ناجحة."
    ents = resolve(body, [span(body, "زكريا عبد الرحيم", "PER")])
    person = [e for e in ents if e.type == "PER"]
    assert len(person) == 1 and person[0].country == "TCD"


def test_actors_person_span_of_a_nationality_word():
    body = "وسجل الكوستاريكي هدفا في الدقيقة الأخيرة."
    ents = resolve(body, [span(body, "الكوستاريكي", "PER")])
    assert len(ents) == 1 and ents[0].type == "PER" and ents[0].country == "CRI"


def test_actors_nationality_surname_does_not_give_a_country():
    body = "وقال منصور التركي إن الأمن مستتب. وأضاف التركي أن التحقيق مستمر."
    ents = resolve(body, [span(body, "منصور التركي", "PER"), span(body, "التركي", "PER", nth=1)])
    person = [e for e in ents if e.type == "PER"]
    assert len(person) == 1 and person[0].country is None and len(person[0].mentions) == 2


def test_actors_fuzzy_match_needs_every_word():
    body = "وقال عبد الله اوجلان إن الحزب مستمر."
    ents = resolve(body, [span(body, "عبد الله اوجلان", "PER")])
    assert not any(e.actor == "marsad:per/abdullah-gul" for e in ents)


def test_actors_fuzzy_match_may_not_contradict_a_named_country():
    body = "نقلت وكالة الأنباء الإماراتية الخبر."
    ents = resolve(body, [span(body, "وكالة الأنباء الإماراتية", "ORG")])
    assert [e.country for e in ents] == ["ARE"]


def test_actors_org_span_country_from_a_city_that_stands_alone():
    body = "درس في جامعة صنعاء سنوات."
    ents = resolve(body, [span(body, "جامعة صنعاء", "ORG")])
    assert ents[0].country == "YEM"


def test_actors_tagged_surname_with_a_clitic_joins_the_full_name():
    body = "وقال خيرت فيلدرز إن الحزب فاز. وقالت مصادر مقربة لفيلدرز إن النتيجة متوقعة."
    spans = [span(body, "خيرت فيلدرز", "PER"), span(body, "لفيلدرز", "PER")]
    person = [e for e in resolve(body, spans) if e.type == "PER"]
    assert len(person) == 1 and len(person[0].mentions) == 2 and person[0].country == "NLD"


def test_actors_span_country_skips_towns_spelled_like_common_nouns():
    body = "وقال شخص من أصحاب المطاعم في مدينة هانوفر إن الوضع صعب."
    ents = resolve(body, [span(body, "شخص من أصحاب المطاعم في مدينة هانوفر", "MISC")])
    assert [e.country for e in ents] == ["DEU"]
