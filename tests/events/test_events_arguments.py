from marsad.events import find_events

from tests.events.helpers import article, only


def events(body, ents, **kw):
    return find_events(article(body, ents, **kw), use_filter=False)


def test_events_arguments_verb_subject_and_object():
    body = "هاجمت القوات الروسية مدينة خاركيف صباح اليوم."
    ev = only(events(body, [("e1", "ORG", "القوات الروسية", "RUS"), ("e2", "GPE", "خاركيف", "UKR")]), "ASSAULT")
    assert (ev.source, ev.target) == ("e1", "e2")


def test_events_arguments_subject_before_verb():
    body = "المتحدث باسم الحكومة قال إن الشرطة اعتقلت الصحفي أحمد سالم."
    ev = only(events(body, [("e1", "ORG", "الشرطة", None), ("e2", "PER", "أحمد سالم", None)]), "COERCE")
    assert (ev.source, ev.target) == ("e1", "e2")


def test_events_arguments_between_x_and_y():
    body = "جرت محادثات بين مصر والسودان حول مياه النيل."
    ev = only(events(body, [("e1", "GPE", "مصر", "EGY"), ("e2", "GPE", "السودان", "SDN")]), "CONSULT")
    assert (ev.source, ev.target) == ("e1", "e2")


def test_events_arguments_with_x():
    body = "وعقد وزير الخارجية لقاء مع نظيره الأردني في عمان."
    ents = [("e1", "PER", "وزير الخارجية", None), ("e2", "PER", "نظيره الأردني", "JOR"), ("e3", "GPE", "عمان", "JOR")]
    ev = only(events(body, ents), "CONSULT")
    assert ev.target == "e2" and ev.location == "e3"


def test_events_arguments_passive_exposed_to():
    body = "وتعرض موكب المحافظ لهجوم مسلح قرب الحدود."
    ev = only(events(body, [("e1", "ORG", "موكب المحافظ", None)]), "ASSAULT")
    assert ev.target == "e1" and ev.source is None


def test_events_arguments_by_agent():
    body = "وقع الهجوم على القرية من قبل مسلحي الجماعة."
    ents = [("e1", "LOC", "القرية", None), ("e2", "ORG", "مسلحي الجماعة", None)]
    ev = only(events(body, ents), "ASSAULT")
    assert ev.source == "e2"


def test_events_arguments_on_target():
    body = "شنت إسرائيل غارة على غزة."
    ents = [("e1", "GPE", "إسرائيل", "ISR"), ("e2", "GPE", "غزة", "PSE")]
    ev = only(events(body, ents), "ASSAULT")
    assert (ev.source, ev.target) == ("e1", "e2")


def test_events_arguments_location_with_fi_and_bi():
    body = "تظاهر الآلاف في بيروت أمس."
    ev = only(events(body, [("e1", "GPE", "بيروت", "LBN")]), "PROTEST")
    assert ev.location == "e1" and ev.source is None
    body = "واعتصم العمال بالقيروان."
    ev = only(events(body, [("e1", "GPE", "القيروان", "TUN")]), "PROTEST")
    assert ev.location == "e1"


def test_events_arguments_empty_entities_give_nulls():
    ev = only(events("هاجم مسلحون حافلة للركاب.", []), "ASSAULT")
    assert (ev.source, ev.target, ev.location) == (None, None, None)


def test_events_arguments_quote_and_speaker():
    body = "قال الوزير إن «الحكومة سترفض أي تدخل خارجي»، وأضاف: «نحن نرفض الضغوط»."
    ents = [("e1", "PER", "الوزير", "TUN"), ("e2", "ORG", "الحكومة", "TUN")]
    quotes = [("q1", "«الحكومة سترفض أي تدخل خارجي»", "e1"), ("q2", "«نحن نرفض الضغوط»", "e1")]
    evs = [e for e in events(body, ents, quotes=quotes) if e.type == "REJECT"]
    assert [e.quote for e in evs] == ["q1", "q2"]
    # inside q1 the doer is named in the quote; the speaker is not the source
    assert evs[0].source == "e2"
    # in q2 the verb is first person plural: the text says the speaker's side rejects
    assert evs[1].source == "e1"


def test_events_arguments_quote_does_not_assign_speaker_without_cue():
    body = "قال المتحدث: «تم اعتقال ثلاثة مشتبه بهم»."
    ents = [("e1", "PER", "المتحدث", None)]
    ev = only(events(body, ents, quotes=[("q1", "«تم اعتقال ثلاثة مشتبه بهم»", "e1")]), "COERCE")
    assert ev.quote == "q1" and ev.source is None
