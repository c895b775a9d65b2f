"""Word tokens with character offsets and proclitic analysis.

A token keeps its original slice (``text``), the normalised form (``norm``) and the candidate forms left by
stripping the proclitics و ف (conjunctions), ب ل ك (prepositions) and ال (article), so that a
lexicon lookup can match «بموسكو» to «موسكو» while still trying the whole word first («بوتين»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.normalize import normalize_for_match

# A word: letters/digits plus the marks that may sit inside an Arabic word (diacritics, tatweel, ZWJ/ZWNJ,
# bidi marks). Anything else of one character (punctuation, symbols) is its own token.
_WORD = r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u200e\u200f]+"
_TOKEN_RE = re.compile(rf"{_WORD}|[^\s\w]")
_INVISIBLE_ONLY = re.compile(r"^[\u200c\u200d\u200e\u200f]+$")

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str
    forms: tuple[str, ...]  # normalised candidates, whole word first, most stripped last

    @property
    def stem(self) -> str:
        """The normalised word without its proclitics (the last, most stripped candidate)."""
        return self.forms[-1]

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()


@lru_cache(maxsize=200_000)
def proclitic_forms(norm: str) -> tuple[str, ...]:
    """Candidate forms of a normalised word with its proclitics removed, whole word first.

    Each strip leaves at least two letters (three after a conjunction or preposition), which keeps short
    words such as «ولد» or «بلد» whole while still reaching «موسكو» from «وبموسكو».
    """
    forms = [norm]
    rest = norm
    if len(rest) >= 4 and rest[0] in _CONJ:
        rest = rest[1:]
        forms.append(rest)
    if len(rest) >= 4 and rest.startswith("لل"):
        # ل + ال with the alef dropped: «للرئيس» = «ل» + «الرئيس»
        forms.append("ا" + rest[1:])
        rest = rest[2:]
        forms.append(rest)
        return tuple(dict.fromkeys(forms))
    if len(rest) >= 4 and rest[0] in _PREP:
        rest = rest[1:]
        forms.append(rest)
    if len(rest) >= 4 and rest.startswith("ال"):
        rest = rest[2:]
        forms.append(rest)
    return tuple(dict.fromkeys(forms))


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word and punctuation tokens with offsets into ``text``."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        piece = m.group()
        if _INVISIBLE_ONLY.match(piece):
            continue
        norm = normalize_for_match(piece)
        if not norm:
            continue
        out.append(Token(m.start(), m.end(), piece, norm, proclitic_forms(norm) if norm[0].isalpha() else (norm,)))
    return out
