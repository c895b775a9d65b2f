"""Hypothesis: on any mix of Arabic letters, digits, marks and date words, the offset invariants hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.dates import find_dates, parse_date_value, parse_dateline, time_expressions

WORDS = ["اليوم", "أمس", "غدًا", "الثلاثاء", "يوم", "الماضي", "المقبل", "منذ", "قبل", "خلال", "ثلاثة", "أيام",
         "يومين", "الأسبوع", "الشهر", "العام", "عام", "نوفمبر", "تشرين الثاني", "شباط/فبراير", "جانفي",
         "جمادى الأولى", "هـ", "م", "ص", "GMT", "بتوقيت مكة", "الساعة", "نشر في:", "آخر تحديث:", "|", "-",
         "/", ":", "(", ")", "،", "19", "2024", "1446", "١٩", "٢٠٢٤", "10:30", "2024-11-19", "T", "+03:00",
         "و", "ب", "ال", "خميس", "الآن", "اليومية", "أمسية", "Nov", "19th,", "\n"]
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x0670), max_size=6),
    st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩ /-:.\u0640\u064b\u0651\u200f\ufefb", max_size=5),
)
# Characters whose folding changes (hamza, ya, ta marbuta, digits, marks, invisibles, ligatures, İ).
FOLDING = "اأإآةىيؤئبت 19١٩۱/-:.\u0640\u064b\u0651\u0670\u200f\u200b\ufefb\ufe8dİaZ"
TEXTS = st.lists(PIECES, max_size=30).map(lambda parts: " ".join(parts))
PUBLISHED = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=TEXTS, published=PUBLISHED)
def test_dates_properties_time_expressions_offsets(body, published):
    out = time_expressions(body, published)
    for t in out:
        assert 0 <= t.start < t.end <= len(body)
        assert body[t.start:t.end] == t.text
        assert t.kind in {"absolute", "relative", "weekday", "duration", "other"}
    assert all(a.end <= b.start for a, b in zip(out, out[1:]))


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_dates_properties_find_dates_and_datelines(text):
    found = find_dates(text)
    for d in found:
        assert text[d.start:d.end] == d.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    line = parse_dateline(text)
    if line is not None:
        assert text[line.start:line.end] == line.text
    parse_date_value(text)
