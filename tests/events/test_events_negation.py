import pytest

from marsad.events import find_events

from tests.events.helpers import article, only


@pytest.mark.parametrize("body, event_type", [
    ("لم تهاجم القوات القرية.", "ASSAULT"),
    ("لن يزور الرئيس المنطقة.", "CONSULT"),
    ("لا يتظاهر العمال اليوم.", "PROTEST"),
    ("وأكد عدم توقيع أي اتفاق.", "AGREE"),
    ("انتهى الاجتماع دون اتفاق.", "AGREE"),
    ("ولم يتم اعتقال أحد.", "COERCE"),
    ("نفت الوزارة اعتقال الصحفي.", "COERCE"),
])
def test_events_negation_marks_negated(body, event_type):
    assert only(find_events(article(body), use_filter=False), event_type).negated


@pytest.mark.parametrize("body, event_type", [
    ("هاجمت القوات القرية.", "ASSAULT"),
    ("زار الرئيس المنطقة أمس.", "CONSULT"),
])
def test_events_negation_plain_is_not_negated(body, event_type):
    assert not only(find_events(article(body), use_filter=False), event_type).negated
