from marsad.events import find_events

from tests.events.helpers import article, only


def test_events_date_from_time_expression_in_sentence():
    body = "زار الرئيس تونس يوم الثلاثاء.\nوتظاهر الطلاب."
    art = article(body, dates=[("يوم الثلاثاء", "2024-03-05")], published="2024-03-10")
    evs = find_events(art, use_filter=False)
    assert only(evs, "CONSULT").date == "2024-03-05"
    assert only(evs, "PROTEST").date == "2024-03-10"  # past-tense report: the article's date


def test_events_date_null_for_planned_without_time():
    art = article("من المقرر أن يزور الرئيس الجزائر.", published="2024-03-10")
    assert only(find_events(art, use_filter=False), "CONSULT").date is None


def test_events_date_null_without_published():
    art = article("هاجمت القوات القرية.", published=None)
    assert only(find_events(art, use_filter=False), "ASSAULT").date is None
