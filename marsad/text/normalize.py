"""Offset-preserving Arabic normalisation for matching.

The normalised text is never shown or stored as the article: it is derived from ``body`` for matching, and
``Normalized.to_original`` maps any index of it back into the original string. Needs no data files.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
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
    """A normalised view of ``original`` with a map from its indices back to the original.

    The map is piecewise: between two characters whose folded form is not one character long, indices
    move in step. ``_starts[k]`` is the normalised index where piece *k* begins, ``_origins[k]`` its original
    index, and ``_flat[k]`` says the piece is the expansion of one character (all of it maps there).
    """

    original: str
    text: str
    _starts: tuple[int, ...] = ()
    _origins: tuple[int, ...] = ()
    _flat: tuple[bool, ...] = ()

    def to_original(self, i: int) -> int:
        """Original index of normalised index ``i`` (``len(text)`` maps to ``len(original)``)."""
        if i >= len(self.text):
            return len(self.original)
        if not self._starts:
            return i
        k = bisect_right(self._starts, i) - 1
        if k < 0:
            return i
        return self._origins[k] if self._flat[k] else self._origins[k] + (i - self._starts[k])

    def to_original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering normalised ``[start, end)``; invisibles inside the span stay inside it."""
        end = min(end, len(self.text))
        start = min(start, end)
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


@lru_cache(maxsize=1)
def _length_changer() -> re.Pattern:
    """Matches any character whose folded form is not exactly one character long."""
    table = _table()
    chars = [chr(cp) for cp, v in table.items() if v is None or len(v) != 1]
    chars.append("\u0130")  # İ lowercases to two characters
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching, keeping a map back to its original offsets."""
    folded = text.translate(_fast_table()).lower()
    changes = list(_length_changer().finditer(text))
    if not changes:
        return Normalized(text, folded)
    table = _table()
    starts: list[int] = []
    origins: list[int] = []
    flat: list[bool] = []
    n = 0  # normalised index reached
    o = 0  # original index reached
    for m in changes:
        j = m.start()
        n += j - o  # the characters before j map one to one
        mapped = (table.get(ord(text[j]), text[j]) or "").lower()
        if mapped:
            starts.append(n), origins.append(j), flat.append(True)
            n += len(mapped)
        starts.append(n), origins.append(j + 1), flat.append(False)
        o = j + 1
    return Normalized(text, folded, tuple(starts), tuple(origins), tuple(flat))
