"""The shipped actor base: countries, nationalities, capitals, organisations, people, places."""

from __future__ import annotations

import json

import pytest

from marsad.actors import load_base, resolve
from marsad.actors.base import RESOURCE_DIR
from tests.actors._helpers import by_actor, texts


def test_actors_base_loads_once():
    assert load_base() is load_base()


def test_actors_base_is_compact_and_catalogued():
    total = sum(p.stat().st_size for p in RESOURCE_DIR.iterdir() if p.is_file())
    assert total < 4_000_000
    catalogue = json.loads((RESOURCE_DIR / "CATALOGUE.json").read_text(encoding="utf-8"))
    assert {"people.tsv", "orgs.tsv", "countries.json", "places.tsv", "translit.json"} <= set(catalogue)
    assert (RESOURCE_DIR / "PROVENANCE.md").is_file()


def test_actors_base_every_country_has_iso3_and_arabic_name():
    base = load_base()
    assert len(base.country_actor) >= 240
    assert base.country_actor["IRN"].name == "إيران"


@pytest.mark.parametrize("word", ["إيراني", "الإيرانية", "الإيرانيون", "الإيرانيين", "إيرانية", "إيرانيا"])
def test_actors_base_nisba_forms_are_norp_of_country(word):
    body = f"نقلت وسائل إعلام {word} الخبر." if not word.startswith("ال") else f"أكدت الجهات {word} ذلك."
    ents = resolve(body, [])
    norp = [e for e in ents if e.type == "NORP"]
    assert norp and norp[0].country == "IRN" and norp[0].actor == "marsad:gpe/IRN"


@pytest.mark.parametrize("body,seat,iso3", [
    ("طهران ترفض الاتهامات الأوروبية.", "طهران", "IRN"),
    ("تتصاعد الأزمة بين طهران والغرب.", "طهران", "IRN"),
    ("أعلن البيت الأبيض فرض عقوبات جديدة.", "البيت الأبيض", "USA"),
    ("قال الكرملين إن المحادثات بناءة.", "الكرملين", "RUS"),
    ("رحب الإليزيه بالاتفاق.", "الإليزيه", "FRA"),
    ("أكدت داونينغ ستريت دعمها للقرار.", "داونينغ ستريت", "GBR"),
    ("وردت تل أبيب بغارات جديدة.", "تل أبيب", "ISR"),
])
def test_actors_base_capitals_and_seats_act_for_the_state(body, seat, iso3):
    ents = resolve(body, [])
    e = by_actor(ents, f"marsad:gpe/{iso3}")
    assert e.type == "GPE" and e.country == iso3 and seat in texts(e)


def test_actors_base_capital_as_place_is_the_city():
    body = "وصل الوفد إلى موسكو أمس، وعقد اجتماعات بموسكو."
    ents = resolve(body, [])
    city = [e for e in ents if e.actor and e.actor.startswith("marsad:place/")]
    assert city and city[0].name_latin == "Moscow" and city[0].country == "RUS" and len(city[0].mentions) == 2


@pytest.mark.parametrize("alias,actor", [
    ("الوكالة الدولية للطاقة الذرية", "marsad:org/iaea"), ("الترويكا الأوروبية", "marsad:org/e3"),
    ("حلف شمال الأطلسي", "marsad:org/nato"), ("جامعة الدول العربية", "marsad:org/arab-league"),
    ("مجلس التعاون الخليجي", "marsad:org/gcc"), ("أوبك", "marsad:org/opec"),
    ("المحكمة الجنائية الدولية", "marsad:org/icc"), ("صندوق النقد الدولي", "marsad:org/imf"),
    ("وكالة الأنباء السعودية", "marsad:org/spa"), ("سبوتنيك", "marsad:org/sputnik"),
    ("شينخوا", "marsad:org/xinhua"), ("فايننشال تايمز", "marsad:org/ft"), ("إرنا", "marsad:org/irna"),
])
def test_actors_base_organisations(alias, actor):
    body = f"وذكرت {alias} في بيان أن الاجتماع انتهى."
    ents = resolve(body, [])
    assert by_actor(ents, actor).type == "ORG"


def test_actors_base_e3_members():
    e3 = load_base().actors["marsad:org/e3"]
    assert set(e3.members) == {"DEU", "FRA", "GBR"}


@pytest.mark.parametrize("name,actor,code", [
    ("مسعود بزشكيان", "marsad:per/masoud-pezeshkian", "IRNGOV"),
    ("رجب طيب أردوغان", "marsad:per/recep-tayyip-erdogan", "TURGOV"),
    ("بنيامين نتنياهو", "marsad:per/benjamin-netanyahu", "ISRGOV"),
    ("محمد بن سلمان", "marsad:per/mohammed-bin-salman", "SAUGOV"),
    ("أنطونيو غوتيريش", "marsad:per/antonio-guterres", "IGOUNO"),
])
def test_actors_base_people(name, actor, code):
    body = f"واستقبل {name} الوفد الزائر."
    ents = resolve(body, [])
    assert by_actor(ents, actor).code == code


def test_actors_base_populous_place_preferred():
    body = "انعقد المؤتمر في مدينة الإسكندرية."
    ents = resolve(body, [span_of(body, "الإسكندرية")])
    assert ents[0].country == "EGY"


def span_of(body, text, typ="GPE"):
    s = body.index(text)
    return s, s + len(text), typ


def test_actors_base_catalogue_checksums_match():
    import hashlib

    catalogue = json.loads((RESOURCE_DIR / "CATALOGUE.json").read_text(encoding="utf-8"))
    for name, entry in catalogue.items():
        data = (RESOURCE_DIR / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], name
