from marsad.events import find_events
from marsad.events.coder import candidates
from marsad.events.filter import Filter, load_filter

from tests.events.helpers import article


def test_events_filter_absent_model_keeps_everything():
    art = article("هل هاجمت القوات القرية؟")
    cands = candidates(art)
    assert cands and all(Filter().keep(c) for c in cands)


def test_events_filter_keeps_a_casualty_report():
    body = "قتل خمسة أشخاص وأصيب عشرة آخرون في هجوم انتحاري استهدف سوقا شعبيا في بغداد أمس."
    assert any(e.type == "ASSAULT" for e in find_events(article(body)))


def test_events_filter_scores_are_probabilities_and_cover_all_types():
    flt = load_filter()
    body = "دعا الرئيس إلى الحوار، وزار الوزير الرياض، ورفض البرلمان المقترح."
    for c in candidates(article(body)):
        assert 0.0 <= flt.score(c) <= 1.0
    assert set(flt.trained_types) >= {"PROTEST", "ASSAULT"}
