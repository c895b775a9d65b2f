"""Offset-preserving Arabic normalisation for matching.

The normalised text is never shown or stored as the article: it is derived from ``body`` for matching, and
``Normalized.to_original`` maps any index of it back into the original string. Needs no data files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Bidi controls, zero-width characters and the BOM: kept in the text, ignored for matching.
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff\u00ad"
TATWEEL = "\u0640"
# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
DIACRITICS = "".join(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06DD),
                                      *range(0x06DF, 0x06E9), *range(0x06EA, 0x06EE), *range(0x0610, 0x061B)])

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "\u066b": ".", "\u066c": ",",  # Arabic decimal and thousands separators
}


@lru_cache(maxsize=1)
def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for ch in INVISIBLE + TATWEEL + DIACRITICS:
        table[ord(ch)] = None
    for src, dst in _FOLD.items():
        table[ord(src)] = dst
    for i in range(10):
        table[0x0660 + i] = str(i)  # Arabic-Indic
        table[0x06F0 + i] = str(i)  # Persian
    # Presentation forms (ligatures like lam-alef) decompose, then fold again.
    for block in (range(0xFB50, 0xFE00), range(0xFE70, 0xFF00)):
        for cp in block:
            ch = chr(cp)
            decomposed = unicodedata.normalize("NFKC", ch)
            if decomposed != ch:
                table[cp] = _fold_simple(decomposed, table)
    return table


def _fold_simple(s: str, table: dict) -> str:
    out = []
    for ch in s:
        mapped = table.get(ord(ch), ch)
        if mapped:
            out.append(mapped)
    return "".join(out)


@lru_cache(maxsize=1)
def _fast_table() -> list[str | None]:
    # A list indexed by code point: str.translate looks it up without raising KeyError for every
    # unmapped character, which makes it several times faster than the dict.
    table = [chr(i) for i in range(0x10000)]
    for cp, value in _table().items():
        if cp < 0x10000:
            table[cp] = value
    return table


def normalize_for_match(text: str) -> str:
    """Fold hamza/alef, ya, ta marbuta, digits and presentation forms; drop diacritics, tatweel, invisibles."""
    return text.translate(_fast_table()).lower()


@dataclass(frozen=True)
class Normalized:
    """A normalised view of ``original`` with a map from its indices back to the original."""

    original: str
    text: str
    _offsets: tuple[int, ...] | None  # offsets[i] = original index of text[i]; None when lengths agree

    def to_original(self, i: int) -> int:
        """Original index of normalised index ``i`` (``len(text)`` maps to ``len(original)``)."""
        if self._offsets is None:
            return i
        if i >= len(self.text):
            return len(self.original)
        return self._offsets[i]

    def to_original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering normalised ``[start, end)``; invisibles inside the span stay inside it."""
        end = min(end, len(self.text))
        start = min(start, end)
        if self._offsets is None:
            return start, end
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self._offsets[start], self._offsets[end - 1] + 1


@lru_cache(maxsize=1)
def _length_changer() -> re.Pattern:
    """Matches any character whose folded form is not exactly one character long."""
    table = _table()
    chars = [chr(cp) for cp, v in table.items() if v is None or len(v) != 1]
    chars.append("\u0130")  # İ lowercases to two characters
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching, keeping a map back to its original offsets."""
    table = _table()
    folded = text.translate(_fast_table()).lower()
    if len(folded) == len(text) and _length_changer().search(text) is None:
        return Normalized(text, folded, None)
    offsets: list[int] = []
    for i, ch in enumerate(text):
        mapped = table.get(ord(ch), ch)
        if mapped is None:
            continue
        mapped = mapped.lower()
        offsets.extend([i] * len(mapped))
    return Normalized(text, folded, tuple(offsets))
