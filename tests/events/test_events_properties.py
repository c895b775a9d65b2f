from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.events import find_events
from marsad.records import Article

WORDS = ["هاجم", "وتظاهر", "المحتجون", "زيارة", "لم", "سوف", "في", "بغداد", "«", "»", "،", ".", "؟", "\n",
         "اعتقال", "بين", "و", "من", "قبل", "إذا", "هل", "اتفاقية", "ضد", "على", "x", "٣", "ـ", "\u200f", "ً"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.booleans())
def test_events_properties_offsets_hold_on_any_text(words, spaced):
    body = (" " if spaced else "").join(words)
    art = Article(id="p-0", role="main", title=None, body=body, published="2024-01-01")
    events = find_events(art, use_filter=False)
    for i, e in enumerate(events, 1):
        assert e.id == f"v{i}"
        assert body[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.sentence[0] <= e.trigger.start <= e.trigger.end <= e.sentence[1]
        assert e.modality in ("asserted", "planned", "possible", "conditional", "question")
    assert find_events(art) == tuple(find_events(art))  # deterministic with the filter too
