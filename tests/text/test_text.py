import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import clauses, normalize, normalize_for_match, proclitic_forms, sentences, tokenize

ARABIC_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩۰۱۲ﻻﺃﻷ\u200f\u200d\u200c\u202b\u202cABc .،؛؟«»\n"
)
arabic_text = st.text(alphabet=ARABIC_ALPHABET, max_size=200)


@pytest.mark.parametrize("raw, folded", [
    ("أحمد", "احمد"), ("إيران", "ايران"), ("آذار", "اذار"), ("مستشفى", "مستشفي"), ("مدرسة", "مدرسه"),
    ("مسؤول", "مسوول"), ("رئيس", "رييس"), ("مُحَمَّد", "محمد"), ("الحـــرب", "الحرب"),
    ("١٩٤٥", "1945"), ("۲۰۲۴", "2024"), ("ﻻ", "لا"), ("ﺃﺣﻤﺪ", "احمد"), ("طهران\u200f", "طهران"),
    ("ز\u200dيد", "زيد"), ("IAEA", "iaea"),
])
def test_text_normalize_folds(raw, folded):
    assert normalize_for_match(raw) == folded
    assert normalize(raw).text == folded


@given(arabic_text)
@settings(max_examples=300, deadline=None)
def test_text_normalize_idempotent_and_monotone(text):
    n = normalize(text)
    assert normalize_for_match(n.text) == n.text
    offsets = [n.to_original(i) for i in range(len(n.text) + 1)]
    assert offsets == sorted(offsets)
    assert offsets[-1] == len(text)
    assert all(0 <= o <= len(text) for o in offsets)


@given(arabic_text)
@settings(max_examples=300, deadline=None)
def test_text_normalized_span_maps_back(text):
    n = normalize(text)
    for start in range(0, len(n.text), 3):
        end = min(len(n.text), start + 4)
        s, e = n.to_original_span(start, end)
        assert normalize_for_match(text[s:e]) == n.text[start:end] or len(n.text[start:end]) > 0


def test_text_span_of_word_after_diacritics():
    text = "قالَ وزيرُ الخارجيةِ الإيرانيُّ"
    n = normalize(text)
    i = n.text.index("الخارجيه")
    s, e = n.to_original_span(i, i + len("الخارجيه"))
    assert text[s:e] == "الخارجيةِ"[:-1] or text[s:e].startswith("الخارجية")


@pytest.mark.parametrize("word, stem", [
    ("بموسكو", "موسكو"), ("وبموسكو", "موسكو"), ("لروسيا", "روسيا"), ("والاتفاقية", "اتفاقيه"),
    ("للرئيس", "رييس"), ("فالحكومة", "حكومه"), ("كالعادة", "عاده"), ("ولد", "ولد"), ("بلد", "بلد"),
])
def test_text_tokens_strip_proclitics(word, stem):
    assert proclitic_forms(normalize_for_match(word))[-1] == stem


def test_text_tokens_keep_whole_word_first():
    forms = proclitic_forms(normalize_for_match("بوتين"))
    assert forms[0] == "بوتين"


@given(arabic_text)
@settings(max_examples=200, deadline=None)
def test_text_tokens_offsets_hold(text):
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text
        assert tok.norm == normalize_for_match(tok.text)


def test_text_sentences_respect_quotes_and_abbreviations():
    text = "قال د. خالد إن «الوضع صعب. لكننا سنعمل.» وأضاف: الحل قريب؟ نعم.\nسطر آخر"
    got = [text[s:e] for s, e in sentences(text)]
    assert got == ["قال د. خالد إن «الوضع صعب. لكننا سنعمل.»", "وأضاف: الحل قريب؟", "نعم.", "سطر آخر"]


def test_text_clauses_split_on_arabic_comma_and_semicolon():
    text = "وصل الوفد، ثم بدأت المحادثات؛ وانتهت مساء."
    assert [text[s:e] for s, e in clauses(text)] == ["وصل الوفد،", "ثم بدأت المحادثات؛", "وانتهت مساء."]


@given(arabic_text)
@settings(max_examples=200, deadline=None)
def test_text_sentences_are_ordered_spans(text):
    spans = sentences(text)
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        assert text[s:e].strip() == text[s:e]
        prev = e


def _brute_offsets(text):
    from marsad.text.normalize import _table

    out = []
    for i, ch in enumerate(text):
        mapped = (_table().get(ord(ch), ch) or "").lower()
        out.extend([i] * len(mapped))
    return out


@given(arabic_text)
@settings(max_examples=300, deadline=None)
def test_text_offset_map_equals_character_by_character_map(text):
    n = normalize(text)
    assert [n.to_original(i) for i in range(len(n.text))] == _brute_offsets(text)
