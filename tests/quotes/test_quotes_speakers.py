"""Speakers: VSO and SVO subjects, cues without a subject, role mentions, «نقلت … عن …», «بحسب تقرير لـ…»."""

from __future__ import annotations

from marsad.quotes import find_quotes
from tests.quotes.conftest import entity, make_article


def test_quotes_speakers_vso_subject_with_entities():
    body = "وقال وزير الخارجية كاظم جلالي في تصريح لوكالة الأنباء إن المحادثات كانت مثمرة جدا."
    e1 = entity(body, "e1", "PER", "كاظم جلالي")
    e2 = entity(body, "e2", "ORG", "وكالة الأنباء")
    (q,) = find_quotes(make_article(body, [e1, e2]))
    assert (q.speaker, q.speaker_text) == ("e1", "كاظم جلالي")


def test_quotes_speakers_svo_subject():
    body = "الرئيس الفرنسي قال إن بلاده ستدعم الاتفاق الجديد بقوة."
    e1 = entity(body, "e1", "PER", "الرئيس الفرنسي")
    (q,) = find_quotes(make_article(body, [e1]))
    assert q.speaker == "e1"


def test_quotes_speakers_without_entities_keep_the_phrase():
    body = "وقال مصدر أمني مسؤول إن الحملة شملت ثلاث مناطق في الجنوب."
    (q,) = find_quotes(make_article(body))
    assert (q.speaker, q.speaker_text) == (None, "مصدر أمني مسؤول")


def test_quotes_speakers_cue_without_subject_continues():
    body = ("وقال السفير كاظم جلالي إن العلاقات بين البلدين متينة.\n"
            "وأضاف: «سنوقع اتفاقيات جديدة خلال الزيارة».\n"
            "ويضيف: «التعاون الاقتصادي سيتوسع».\n"
            "وتابع أن الوفد سيصل الأسبوع المقبل إلى موسكو.")
    e1 = entity(body, "e1", "PER", "كاظم جلالي")
    found = find_quotes(make_article(body, [e1]))
    assert [q.speaker for q in found] == ["e1"] * 4
    assert [q.cue for q in found] == ["وقال", "وأضاف", "ويضيف", "وتابع"]


def test_quotes_speakers_role_mention_resolves_to_its_entity():
    body = ("استقبل الوزير السفير كاظم جلالي في مكتبه.\n"
            "وتابع السفير الإيراني أن بلاده ترحب بكل مبادرة للحوار.")
    e1 = entity(body, "e1", "PER", "كاظم جلالي", "السفير الإيراني")
    (q,) = find_quotes(make_article(body, [e1]))
    assert (q.speaker, q.speaker_text) == ("e1", "السفير الإيراني")


def test_quotes_speakers_agency_carries_the_words():
    body = "ونقلت وكالة رويترز عن المتحدث باسم الجيش قوله: «القوات انسحبت من المدينة بالكامل»."
    e1 = entity(body, "e1", "ORG", "وكالة رويترز")
    e2 = entity(body, "e2", "PER", "المتحدث باسم الجيش")
    (q,) = find_quotes(make_article(body, [e1, e2]))
    assert (q.speaker, q.via, q.direct) == ("e2", "e1", True)
    assert q.text == "القوات انسحبت من المدينة بالكامل"


def test_quotes_speakers_report_by_a_newspaper():
    body = "وبحسب تقرير لصحيفة الغارديان، فإن الحكومة تدرس رفع الضرائب على الشركات الكبرى."
    e1 = entity(body, "e1", "ORG", "الغارديان")
    (q,) = find_quotes(make_article(body, [e1]))
    assert (q.speaker, q.direct) == ("e1", False)
    assert q.text == "الحكومة تدرس رفع الضرائب على الشركات الكبرى"


def test_quotes_speakers_trailing_attribution():
    body = "وارتفعت الأسعار بنسبة عشرة في المئة خلال الشهر الماضي، بحسب ما أفاد به مدير الغرفة التجارية."
    (q,) = find_quotes(make_article(body))
    assert q.text == "وارتفعت الأسعار بنسبة عشرة في المئة خلال الشهر الماضي"
    assert (q.direct, q.speaker_text) == (False, "مدير الغرفة التجارية")


def test_quotes_speakers_unknown_stays_null():
    body = "وأضاف أن العمل سيتواصل طوال الليل دون انقطاع."
    (q,) = find_quotes(make_article(body))
    assert (q.speaker, q.speaker_text) == (None, None)


def test_quotes_speakers_participle_takes_the_main_subject():
    body = "وعلق النائب زهير المغزاوي على الخطاب قائلا: «القانون لن يمر بهذه الصيغة أبدا»."
    e1 = entity(body, "e1", "PER", "زهير المغزاوي")
    (q,) = find_quotes(make_article(body, [e1]))
    assert q.speaker == "e1"


def test_quotes_speakers_time_words_before_the_subject():
    body = "أكد يوم أمس الأربعاء وزير الداخلية أن الحملة ستتواصل في كل الولايات."
    (q,) = find_quotes(make_article(body))
    assert q.speaker_text == "وزير الداخلية"


def test_quotes_speakers_name_in_marks_before_a_colon():
    body = 'وقال مدير الدفاع المدني إن الحريق محدود في الطابق الأول.\nوأضاف "الغامدي": الفرق سيطرت على الوضع بعد ساعة من العمل.'
    found = find_quotes(make_article(body))
    assert [(q.text, q.direct, q.speaker_text) for q in found][-1] == (
        "الفرق سيطرت على الوضع بعد ساعة من العمل.", True, "الغامدي")
    assert len(found) == 2


def test_quotes_speakers_trailing_ala_ma_attribution():
    body = "فتحت الشرطة النار على سيارة اقتحمت الحاجز الأمني، على ما أفاد مصدر في الشرطة."
    (q,) = find_quotes(make_article(body))
    assert (q.text, q.direct, q.speaker_text) == (
        "فتحت الشرطة النار على سيارة اقتحمت الحاجز الأمني", False, "مصدر في الشرطة")


def test_quotes_speakers_clock_time_is_not_a_colon():
    body = "وأوضح المتحدث أن البلاغ ورد عند الساعة 8:58 صباحا من أحد المواطنين."
    (q,) = find_quotes(make_article(body))
    assert q.text == "البلاغ ورد عند الساعة 8:58 صباحا من أحد المواطنين"
