import pytest

from marsad.events import find_events

from tests.events.helpers import article, only


@pytest.mark.parametrize("body, event_type, modality", [
    ("من المقرر أن يزور الرئيس باريس.", "CONSULT", "planned"),
    ("يعتزم العمال تنظيم إضراب.", "PROTEST", "planned"),
    ("سوف يوقع الطرفان الاتفاق.", "AGREE", "planned"),
    ("سيزور الوزير الجزائر.", "CONSULT", "planned"),
    ("نرتب لزيارة إلى الرياض.", "CONSULT", "planned"),
    ("وتأتي الزيارة المرتقبة في إطار التعاون.", "CONSULT", "planned"),
    ("قد تفرض الحكومة عقوبات جديدة.", "COERCE", "possible"),
    ("ربما تنسحب القوات من المدينة.", "RETREAT", "possible"),
    ("يحتمل أن تندلع اشتباكات.", "ASSAULT", "possible"),
    ("إذا هاجمت القوات المدينة فسترد الحركة.", "ASSAULT", "conditional"),
    ("لو انسحب الجيش لانتهت الأزمة.", "RETREAT", "conditional"),
    ("إن هاجموا سنرد بقوة.", "ASSAULT", "conditional"),
    ("هل يزور الرئيس القاهرة؟", "CONSULT", "question"),
    ("هاجمت القوات القرية أم انسحبت منها؟", "ASSAULT", "question"),
    ("هاجمت القوات القرية أمس.", "ASSAULT", "asserted"),
    ("وقد هاجمت القوات القرية أمس.", "ASSAULT", "asserted"),  # «قد» + past verb is emphasis, not doubt
])
def test_events_modality(body, event_type, modality):
    assert only(find_events(article(body), use_filter=False), event_type).modality == modality
