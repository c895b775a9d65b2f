"""Hypothesis builds scraped pages from their parts; segmentation must keep every span inside its body,
never leak a related article's text into the main one, and never give a related article the main date."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import marsad

WORDS = ["الحكومة", "أعلنت", "اليوم", "الثلاثاء", "عن", "خطة", "جديدة", "لدعم", "الاقتصاد", "في", "المنطقة",
         "وقال", "الوزير", "إن", "المفاوضات", "مستمرة", "أمس", "الأسبوع", "الماضي", "بموسكو", "طهران",
         "١٩", "نوفمبر", "2024", "«نحن", "مستعدون»", "ـــ", "مُهمّة", "\u200f", "كانون", "الثاني"]
DATELINES = ["تاريخ النشر: 19th, November 2024 GMT", "نشر في: الثلاثاء 19 نوفمبر 2024 - 10:30 م",
             "آخر تحديث: 2024/11/19 | 14:05", "بتاريخ 19 تشرين الثاني 2024", "الثلاثاء ١٩ نوفمبر ٢٠٢٤"]
OUTLETS = ["المرصد نت/", "طهران - إرنا", "موسكو – سبوتنيك:", "الرياض (واس) -"]
MARKERS = ["إقرأ أيضاً:", "اقرأ أيضا", "مواضيع ذات صلة", "أخبار ذات صلة"]
BOILER = ["شارك هذا المقال", "تابعونا على تويتر", "جميع الحقوق محفوظة © 2024", "إعلان"]

sentence = st.lists(st.sampled_from(WORDS), min_size=4, max_size=18).map(lambda ws: " ".join(ws) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
headline = st.lists(st.sampled_from(WORDS), min_size=3, max_size=9).map(" ".join)


@st.composite
def pages(draw):
    lines = [draw(headline)]
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(DATELINES)))
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(OUTLETS)))
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.sampled_from(BOILER)))
        lines.append(draw(paragraph))
    if draw(st.booleans()):
        lines.append("المصدر: وكالات")
    n_related = draw(st.integers(0, 2))
    if n_related:
        lines.append(draw(st.sampled_from(MARKERS)))
        for _ in range(n_related):
            lines.append(draw(headline) + " " + "عاجل")
            lines.extend(draw(st.lists(paragraph, min_size=1, max_size=3)))
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
    return sep.join(lines)


@given(pages())
@settings(max_examples=200, deadline=None)
def test_segment_generated_pages_keep_offsets(text):
    page = marsad.analyze(text.encode("utf-8"), stages=("dates",))
    assert page.articles and page.articles[0].role == "main"
    for art in page.articles:
        body = art.body
        assert "\r" not in body
        for s, e in art.paragraphs:
            assert 0 <= s < e <= len(body) and "\n" not in body[s:e]
        for sec in art.sections:
            assert 0 <= sec.start < sec.end <= len(body)
        for d in art.dates:
            assert body[d.start:d.end] == d.text
        for m in MARKERS + ["المصدر: وكالات"]:
            assert m not in body
        if art.role == "related":
            assert art.outlet is None and art.credit is None and art.published is None
