"""Arabic → Latin transliteration of names that are not in the actor base.

A context model learned from aligned name pairs (``tools/actors/train_translit.py``): every Arabic letter,
seen with its neighbours, writes the Latin letters most often aligned to it in that context, backing off to
narrower contexts. Only these statistics ship (``resources/actors/translit.json``), never the pairs.
``naive`` is the one-letter-one-string baseline it is measured against.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from marsad.actors.base import RESOURCE_DIR
from marsad.errors import ResourceError
from marsad.text import normalize_for_match

# Fixed letter map: the baseline, and the fallback for letters the model never saw.
NAIVE = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ء": "", "ؤ": "u", "ئ": "i", "ب": "b", "ت": "t", "ث": "th",
    "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s",
    "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g",
    "ک": "k", "ی": "y", "ڤ": "v", "ڨ": "g", "-": "-",
}
BOUNDARY = "#"


def _letters(word: str) -> str:
    """Keep hamza seats and ta marbuta distinct (they matter for sound); drop diacritics and tatweel."""
    out = []
    for ch in word:
        if ch in NAIVE or ch == " ":
            out.append(ch)
        else:
            folded = normalize_for_match(ch)
            if folded and folded in NAIVE:
                out.append(folded)
    return "".join(out)


def naive(word: str) -> str:
    """Baseline: each letter to a fixed Latin string."""
    return "".join(NAIVE.get(ch, "") for ch in _letters(word))


@lru_cache(maxsize=1)
def _model() -> dict[str, str]:
    path = RESOURCE_DIR / "translit.json"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:  # pragma: no cover - installation problem
        raise ResourceError(f"transliteration model missing: {exc}") from exc
    return json.loads(text)["rules"]


def contexts(letters: str, i: int) -> list[str]:
    """Context keys for letter ``i`` of a boundary-padded word, most specific first."""
    p2 = letters[i - 2] if i >= 2 else BOUNDARY
    p1 = letters[i - 1] if i >= 1 else BOUNDARY
    c = letters[i]
    n1 = letters[i + 1] if i + 1 < len(letters) else BOUNDARY
    n2 = letters[i + 2] if i + 2 < len(letters) else BOUNDARY
    return [f"{p2}{p1}[{c}]{n1}{n2}", f"{p2}{p1}[{c}]{n1}", f"{p1}[{c}]{n1}{n2}", f"{p1}[{c}]{n1}",
            f"{p1}[{c}]", f"[{c}]{n1}", f"[{c}]"]


def transliterate_word(word: str, rules: dict[str, str] | None = None) -> str:
    letters = _letters(word)
    if rules is None:
        # a letter's segment depends only on the five-letter window around it (padded at the word's edges)
        padded = BOUNDARY * 2 + letters + BOUNDARY * 2
        return "".join([_window_segment(padded[i:i + 5]) for i in range(len(letters))])
    return "".join([_segment(letters, i, rules) for i in range(len(letters))])


def _segment(letters: str, i: int, rules: dict[str, str]) -> str:
    """The Latin segment letter ``i`` writes: the rule of its most specific known context."""
    for key in contexts(letters, i):
        seg = rules.get(key)
        if seg is not None:
            return seg
    return NAIVE.get(letters[i], "")


@lru_cache(maxsize=100_000)
def _window_segment(window: str) -> str:
    """``_segment`` of the middle letter of a padded five-letter window: new names are mostly known letter
    sequences, so each window is decoded once per process."""
    return _segment(window, 2, _model())


_TIDY = [(re.compile(r"^ie"), "i"), (re.compile(r"aui$"), "awi"), (re.compile(r"([^aeiou])ui$"), r"\1wi"),
         (re.compile(r"(.)\1\1+"), r"\1\1")]


def _tidy(latin: str) -> str:
    """Small spelling fixes on the model's output: «Ieran» → «Iran», «Musaui» → «Musawi»."""
    for pattern, repl in _TIDY:
        latin = pattern.sub(repl, latin)
    return latin


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


# Frequent name words whose usual Latin spelling the letter model cannot know (short vowels unwritten).
NAME_WORDS = {
    "محمد": "Mohammed", "احمد": "Ahmed", "علي": "Ali", "حسن": "Hassan", "حسين": "Hussein", "عمر": "Omar",
    "خالد": "Khaled", "محمود": "Mahmoud", "مصطفي": "Mustafa", "ابراهيم": "Ibrahim", "يوسف": "Youssef",
    "سعيد": "Saeed", "جاسم": "Jassim", "كريم": "Karim", "عادل": "Adel", "فيصل": "Faisal", "سلمان": "Salman",
    "ناصر": "Nasser", "جمال": "Jamal", "طارق": "Tariq", "ماجد": "Majed", "مهدي": "Mahdi", "رضا": "Reza",
    "جواد": "Javad", "حيدر": "Haidar", "عباس": "Abbas", "صالح": "Saleh", "سليمان": "Suleiman",
    "اسماعيل": "Ismail", "موسي": "Musa", "عيسي": "Issa", "يحيي": "Yahya", "زكريا": "Zakaria", "نبيل": "Nabil",
    "وليد": "Walid", "هشام": "Hisham", "رشيد": "Rashid", "مراد": "Murad", "كمال": "Kamal", "منصور": "Mansour",
    "فاطمه": "Fatima", "مريم": "Maryam", "زينب": "Zainab", "عايشه": "Aisha", "ليلي": "Layla", "ساره": "Sara",
    "نور": "Nour", "امين": "Amin", "حمد": "Hamad", "راشد": "Rashid", "سعد": "Saad", "بن": "bin", "ابو": "Abu",
    "عبد": "Abd", "الله": "Allah", "الدين": "al-Din", "الرحمن": "al-Rahman", "عثمان": "Othman", "سامي": "Sami",
    "مجيد": "Majid", "رياض": "Riyad", "زياد": "Ziad", "فراس": "Firas", "قاسم": "Qasim", "هادي": "Hadi",
    "مهدی": "Mahdi", "كاظم": "Kazem", "جعفر": "Jafar", "باقر": "Baqer", "صادق": "Sadegh", "تقي": "Taqi",
}


@lru_cache(maxsize=50_000)
def _latin_word(word: str) -> str:
    """The model's tidied spelling of one word: new names are mostly known words in new combinations."""
    return _tidy(transliterate_word(word))


@lru_cache(maxsize=50_000)
def transliterate(name: str) -> str:
    """Readable Latin form of an Arabic name: «كاظم جلالي» → «Kazem Jalali», «عبد الله» → «Abd Allah»."""
    parts = []
    for word in name.split():
        letters = _letters(word)
        if not letters:
            continue
        known = NAME_WORDS.get(normalize_for_match(letters))
        if known:
            parts.append(known)
            continue
        prefix = ""
        if letters.startswith("ال") and len(letters) > 3:
            prefix, word = "al-", letters[2:]
        latin = _latin_word(word)
        if latin:
            parts.append(prefix + _cap(latin) if not prefix else prefix + _cap(latin))
    out = " ".join(parts).replace("Abd Allah", "Abdullah")
    return out[:1].upper() + out[1:]
