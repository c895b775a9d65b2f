"""Generic actors: agent nouns («الشرطة», «المتظاهرون», «الحكومة») linked to marsad:agent/<ISO3>/<slug>
with the country the text gives them, and left unlinked (code only) when it gives none. Sentences are ours."""

from __future__ import annotations

import pytest

from marsad.actors import load_base, resolve
from tests.actors._helpers import by_actor, span, texts


def agents(entities):
    return [e for e in entities if (e.actor or "").startswith("marsad:agent/")]


@pytest.mark.parametrize("body,actor,code,mention", [
    # a nationality adjective after the noun: the adjective is part of the mention, not a NORP of its own
    ("قالت الشرطة الأردنية إنها أوقفت ثلاثة أشخاص.", "marsad:agent/JOR/police", "JORCOP", "الشرطة الأردنية"),
    ("أصيب جندي أفغاني في الانفجار.", "marsad:agent/AFG/soldiers", "AFGMIL", "جندي أفغاني"),
    ("ونشرت القوات العراقية دوريات في المنطقة.", "marsad:agent/IRQ/forces", "IRQMIL", "القوات العراقية"),
    ("وأعلنت وزارة الداخلية المغربية إحباط مخطط.", "marsad:agent/MAR/ministry", "MARGOV", "وزارة الداخلية المغربية"),
])
def test_actors_agents_nationality_after_noun(body, actor, code, mention):
    ents = resolve(body)
    e = by_actor(ents, actor)
    assert e.code == code and e.country == actor.split("/")[1] and texts(e) == [mention]
    assert not [x for x in ents if x.type == "NORP"]


def test_actors_agents_country_name_in_construct_keeps_the_country():
    body = "أعلنت حكومة تونس خطة جديدة للتشغيل."
    ents = resolve(body)
    assert by_actor(ents, "marsad:agent/TUN/government").code == "TUNGOV"
    assert by_actor(ents, "marsad:gpe/TUN").type == "GPE"


@pytest.mark.parametrize("body,actor", [
    ("ردت حكومة السنيورة على مطالب المعارضة.", "marsad:agent/LBN/government"),  # a person the base knows
    ("قال قائد شرطة البصرة إن الوضع هادئ.", "marsad:agent/IRQ/police"),  # a city
])
def test_actors_agents_name_in_construct(body, actor):
    assert by_actor(resolve(body), actor)


@pytest.mark.parametrize("body,actor", [
    ("تظاهر آلاف الطلاب في القاهرة احتجاجا على الرسوم.", "marsad:agent/EGY/students"),
    ("وتجمع متظاهرون في ضواحي مدريد.", "marsad:agent/ESP/protesters"),
    ("وصل المتظاهرون من فرنسا وبلجيكا إلى المدينة.", "marsad:agent/FRA/protesters"),
])
def test_actors_agents_place_after_preposition(body, actor):
    assert by_actor(resolve(body), actor)


def test_actors_agents_sentence_country():
    body = "وفي كابول، قالت الشرطة إن مسلحين هاجموا نقطة تفتيش."
    ents = resolve(body)
    assert by_actor(ents, "marsad:agent/AFG/police").type == "ORG"
    assert by_actor(ents, "marsad:agent/AFG/gunmen").type == "PER"


def test_actors_agents_dateline_country_for_a_sentence_without_one():
    body = "نيروبي - أفاد شهود بوقوع اشتباكات.\nواعتقلت الشرطة خمسة أشخاص بعد الحادث."
    ents = resolve(body)
    police = by_actor(ents, "marsad:agent/KEN/police")
    assert texts(police) == ["الشرطة"] and police.code == "KENCOP"


def test_actors_agents_article_majority_country():
    body = ("زار وفد مغربي المعرض. وقال مسؤولون في المغرب إن الاتفاق قريب.\n"
            "وأكدت الحكومة أنها ستواصل دعم المشاريع الصغيرة.")
    assert by_actor(resolve(body), "marsad:agent/MAR/government").code == "MARGOV"


def test_actors_agents_unknown_country_stays_unlinked_with_agent_code():
    body = "قالت الشرطة إن التحقيق مستمر، وأكدت الشرطة أنها لن تعلق."
    ents = resolve(body)
    police = [e for e in ents if e.code == "COP"]
    assert len(police) == 1
    e = police[0]
    assert e.actor is None and e.country is None and e.name_latin == "police"
    assert texts(e) == ["الشرطة", "الشرطة"]  # coreference: one entity, both mentions


def test_actors_agents_mentions_of_one_country_share_an_entity():
    body = "قالت الشرطة الأردنية إنها أوقفت مشتبها به. وأضافت الشرطة أن التحقيق جار في مسقط."
    police = by_actor(resolve(body), "marsad:agent/JOR/police")
    assert texts(police) == ["الشرطة الأردنية", "الشرطة"]


@pytest.mark.parametrize("body", [
    "اندلع الصراع المسلح في الإقليم السوداني قبل عامين.",  # an adjective, not gunmen
    "فاز حزب العمال البريطاني في الانتخابات.",  # part of a party's name
    "قال المواطن الأردني سمير القيسي إن الأسعار ارتفعت.",  # a title before a name
    "تعمل السفارة على تسهيل الإجراءات.",  # an embassy needs its country in the text
    "أعلن «جيش الإسلام» في سوريا مسؤوليته.",  # a quoted name
])
def test_actors_agents_not_agents(body):
    ents = resolve(body, [span(body, "سمير القيسي", "PER")] if "سمير" in body else [])
    slugs = {(e.actor or "").split("/")[-1] for e in agents(ents)} | {e.name_latin for e in ents if e.actor is None}
    assert not slugs & {"gunmen", "workers", "people", "embassy", "army"}, ents


def test_actors_agents_after_a_number():
    ents = resolve("قتل نحو 20 مسلحا في اشتباكات مع الجيش اللبناني.")
    assert by_actor(ents, "marsad:agent/LBN/gunmen").code == "LBNUAF"


def test_actors_agents_embassy_with_its_country():
    ents = resolve("واستدعت السفارة الفرنسية القائم بالأعمال.")
    assert by_actor(ents, "marsad:agent/FRA/embassy").code == "FRAGOV"


def test_actors_agents_tagger_span_relinked():
    body = "وقالت الشرطة الكينية في بيان إن الوضع تحت السيطرة."
    ents = resolve(body, [span(body, "الشرطة الكينية", "ORG")])
    e = by_actor(ents, "marsad:agent/KEN/police")
    assert e.type == "ORG" and e.code == "KENCOP" and texts(e) == ["الشرطة الكينية"]


def test_actors_agents_offsets_point_into_the_body():
    body = "وقالت الشرطة الأردنية، وللمتظاهرين في إربد مطالب، إن الحكومة ستستمع إليهم."
    for e in resolve(body):
        for m in e.mentions:
            assert body[m.start:m.end] == m.text
    assert by_actor(resolve(body), "marsad:agent/JOR/protesters")


def test_actors_agents_lexicon_is_a_data_file():
    base = load_base()
    assert len(base.agent_keys) > 100
    noun = base.agent_keys[("شرطه",)]
    assert noun.code == "COP" and base.agent_actor(noun, "IRQ").id == "marsad:agent/IRQ/police"
    # Petrarch's «شرطة عراقي» gives way to the generic actor
    assert "marsad:org/petrarch-شرطه-عراقي" not in base.actors


def test_actors_agents_office_dates_pick_the_code_of_the_day():
    body = "قال أولمرت إن المحادثات مستمرة."
    assert by_actor(resolve(body, date="2007-05-01"), "marsad:per/ehud-olmert").code == "ISRGOV"
    assert by_actor(resolve(body), "marsad:per/ehud-olmert").code == "ISRELI"


def test_actors_agents_tagger_person_span_of_a_group():
    body = "وفي كابول، رشق المتظاهرون الشرطة بالحجارة."
    ents = resolve(body, [span(body, "المتظاهرون", "PER"), span(body, "كابول", "GPE")])
    e = by_actor(ents, "marsad:agent/AFG/protesters")
    assert e.type == "PER" and e.roles == () and texts(e) == ["المتظاهرون"]
