"""Token analysis for the entity tagger: matching normalisation and clitic stripping.

Everything here is pure string work on one token; nothing changes the text the offsets point into.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_CHARMAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "«": '"', "»": '"', "“": '"', "”": '"',
})

#: Proclitic sequences tried longest first; each stripped form must keep at least 2 letters.
_PROCLITICS = ("وبال", "وكال", "وفال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
               "و", "ف", "ب", "ل", "ك")


def by_first_letter(prefixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``prefixes`` grouped by their first letter, each group in the given order: a word need only try the
    group of its own first letter (most words start with none of them and try nothing)."""
    out: dict[str, tuple[str, ...]] = {}
    for p in prefixes:
        out[p[0]] = out.get(p[0], ()) + (p,)
    return out


_PROCLITICS_BY_FIRST = by_first_letter(_PROCLITICS)
#: What :func:`stem_candidates` strips, in the order its forms are listed.
_STEM_PREFIXES = ("بال", "كال", "وبال", "وال", "فال", "ولل", "لل", "ب", "ل", "ك", "وب", "ول", "فب")
_STEM_PREFIXES_BY_FIRST = by_first_letter(_STEM_PREFIXES)
_ARABIC = re.compile("[\u0621-\u064a]")
_DIGIT = re.compile(r"\d")
_LATIN = re.compile("[A-Za-z]")


def norm(token: str) -> str:
    """Matching form of a token: no diacritics or tatweel, alef/ya/ta-marbuta/hamza seats folded, digits ASCII."""
    return _DIACRITICS.sub("", token).translate(_CHARMAP)


def word_form(token: str) -> str:
    """The tagger's form of a word: :func:`norm` with every digit written 0 (numbers share their features)."""
    return _DIGIT.sub("0", norm(token))


def strip_prefix(n: str) -> tuple[str, str]:
    """Split a normalised token into (proclitics, rest), keeping at least 3 letters in the rest.

    Returns ``("", n)`` when no proclitic can be taken off.
    """
    for p in _PROCLITICS_BY_FIRST.get(n[:1], ()):
        if n.startswith(p) and len(n) - len(p) >= 3:
            return p, n[len(p):]
    return "", n


@lru_cache(maxsize=65_536)
def stem_candidates(n: str) -> tuple[str, ...]:
    """Forms of a normalised token worth a lexicon look-up: itself, then proclitic-stripped variants.

    ``والمانيا`` gives ``[والمانيا, المانيا, مانيا]``: the article form is kept because names such as
    ``القاهره`` are listed with it.
    """
    if n[:1] not in _PROCLITICS_BY_FIRST:  # و ف ب ل ك and the alef of ال begin every proclitic
        return (n,)
    out = [n]
    if n.startswith(("و", "ف")) and len(n) >= 4:
        out.append(n[1:])
    for p in _STEM_PREFIXES_BY_FIRST.get(n[:1], ()):
        if n.startswith(p) and len(n) - len(p) >= 3:
            rest = n[len(p):]
            if p.endswith("لل"):
                out.append("ال" + rest)
            elif p.endswith("ال"):
                out.append("ال" + rest)
            out.append(rest)
    if n.startswith("ال") and len(n) >= 5:
        out.append(n[2:])
    return tuple(dict.fromkeys(out))  # memoised: each lexicon of the tagger asks for the same word


def shape(token: str) -> str:
    """Coarse shape: A (Arabic), L (Latin), D (digits), P (punctuation), M (mixed)."""
    if token.isdigit():
        return "D"
    a = bool(_ARABIC.search(token))
    lat = bool(_LATIN.search(token))
    if a and not lat:
        return "A"
    if lat and not a:
        return "L"
    if not a and not lat:
        return "P" if not any(c.isdigit() for c in token) else "D"
    return "M"
