import pytest

from marsad.events import find_events, stage
from marsad.events.lexicon import parse_lexicon, LexiconError

from tests.events.helpers import article, only


@pytest.mark.parametrize("sentence, event_type, trigger", [
    ("وهاجمت القوات القرية فجر اليوم.", "ASSAULT", "وهاجمت"),
    ("ويهاجمون المواقع كل ليلة.", "ASSAULT", "ويهاجمون"),
    ("شنت الطائرات غارات على المدينة.", "ASSAULT", "غارات"),
    ("تظاهر آلاف الطلاب أمام الوزارة.", "PROTEST", "تظاهر"),
    ("ونظم العمال إضرابا عن الطعام.", "PROTEST", "إضرابا عن الطعام"),
    ("بدأ الوزير زيارته إلى القاهرة.", "CONSULT", "زيارته"),
    ("واختتمت المحادثات بين الوفدين.", "CONSULT", "المحادثات"),
    ("وقع البلدان اتفاقية للتجارة الحرة.", "AGREE", "وقع"),
    ("فرضت الحكومة عقوبات على الشركة.", "COERCE", "فرضت"),
    ("وتم إطلاق سراح المعتقلين أمس.", "RETREAT", "إطلاق سراح"),
    ("وأعلن الجيش انسحابه من البلدة.", "RETREAT", "انسحابه"),
    ("دعا الرئيس إلى الحوار.", "REQUEST", "دعا"),
    ("وأدانت الوزارة الاعتداء.", "ACCUSE", "وأدانت"),
    ("ورفض البرلمان المقترح.", "REJECT", "ورفض"),
    ("وهدد الحزب بمقاطعة الانتخابات.", "THREATEN", "وهدد"),
    ("واعتقلت الشرطة خمسة أشخاص.", "COERCE", "واعتقلت"),
    ("قدمت المنظمة مساعدات إنسانية للنازحين.", "AID", "مساعدات إنسانية"),
    ("أشاد الوزير بجهود المتطوعين.", "SUPPORT", "أشاد"),
])
def test_events_triggers_inflected_and_clitic_forms(sentence, event_type, trigger):
    events = find_events(article(sentence), use_filter=False)
    ev = only(events, event_type)
    if trigger:
        assert trigger in ev.trigger.text or ev.trigger.text in trigger


def test_events_triggers_span_invariant_and_ids():
    body = "هاجم مسلحون مركزا للشرطة.\nوتظاهر المئات في الساحة، ثم اعتقلت الشرطة عشرة منهم."
    events = find_events(article(body), use_filter=False)
    assert [e.id for e in events] == [f"v{i}" for i in range(1, len(events) + 1)]
    for e in events:
        assert body[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.sentence[0] <= e.trigger.start < e.trigger.end <= e.sentence[1]


def test_events_triggers_homographs_do_not_fire():
    body = "أعلنت وزارة الصحة يوم الاثنين أن هناك ثمن البحث العلمي مرتفع."
    assert find_events(article(body), use_filter=False) == ()


def test_events_triggers_definite_noun_is_not_a_verb():
    # «الحذر» (caution) must not open THREATEN through the verb «حذر»
    assert not [e for e in find_events(article("ودعا إلى توخي الحذر."), use_filter=False) if e.type == "THREATEN"]


def test_events_stage_sets_events():
    art = stage(article("تظاهر آلاف العمال أمس في العاصمة احتجاجا على الأجور."))
    assert art.events and all(e.type for e in art.events)


def test_events_lexicon_rejects_bad_lines():
    with pytest.raises(LexiconError):
        parse_lexicon(["NOTATYPE\t\t00\tverb\tفعل\n"])
    with pytest.raises(ValueError):
        parse_lexicon(["ASSAULT\tverb\tهاجم\n"])
