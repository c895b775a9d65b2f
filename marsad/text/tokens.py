"""Word tokens with character offsets and proclitic analysis.

A token keeps its original slice (``text``), the normalised form (``norm``) and the candidate forms left by
stripping the proclitics و ف (conjunctions), ب ل ك (prepositions) and ال (article), so that a
lexicon lookup can match «بموسكو» to «موسكو» while still trying the whole word first («بوتين»).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

from marsad.text.memo import memo_map
from marsad.text.normalize import normalize_for_match

# A word: letters/digits plus the marks that may sit inside an Arabic word (diacritics, tatweel, ZWJ/ZWNJ,
# bidi marks). Anything else of one character (punctuation, symbols) is its own token.
_WORD = r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u200e\u200f]+"
# As a group: ``split`` returns gap, token, gap, token, ..., gap (the gaps are whitespace).
_SPLIT_RE = re.compile(rf"({_WORD}|[^\s\w])")
_INVISIBLE_ONLY = re.compile(r"^[\u200c\u200d\u200e\u200f]+$")

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")


#: Token fields as functions, for one C-level pass over a token list (``map(token_norm, toks)``).
token_start, token_end, token_text, token_norm, token_forms = map(itemgetter, range(5))


class Token(tuple):
    """One token: ``(start, end, text, norm, forms)``.

    ``forms`` are the normalised candidates, whole word first, most stripped last. A tuple subclass because
    pipelines make millions of these: it is several times cheaper to build than a dataclass.
    """

    __slots__ = ()

    def __new__(cls, start: int, end: int, text: str, norm: str, forms: tuple[str, ...]):
        return tuple.__new__(cls, (start, end, text, norm, forms))

    start = property(token_start)
    end = property(token_end)
    text = property(token_text)
    norm = property(token_norm)
    forms = property(token_forms)

    @property
    def stem(self) -> str:
        """The normalised word without its proclitics (the last, most stripped candidate)."""
        return self[4][-1]

    @property
    def is_word(self) -> bool:
        return self[3][:1].isalnum()

    def __repr__(self) -> str:
        return f"Token({self[0]}, {self[1]}, {self[2]!r})"


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


def _analyse(piece: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(text, norm, forms) of a surface word, or None when it folds to nothing."""
    if _INVISIBLE_ONLY.match(piece):
        return None
    norm = normalize_for_match(piece)
    if not norm:
        return None
    return piece, norm, (proclitic_forms(norm) if norm[0].isalpha() else (norm,))


# piece → _analyse(piece): each distinct word is analysed once per process (see memo_map)
_WORDS: dict[str, tuple | None] = {}


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word and punctuation tokens with offsets into ``text``."""
    parts = _SPLIT_RE.split(text)
    # running lengths: the token parts[2k+1] spans [ends[2k], ends[2k+1])
    ends = list(accumulate(map(len, parts)))
    pieces = parts[1::2]
    infos = memo_map(_WORDS, pieces, lambda k: _analyse(pieces[k]))
    new = tuple.__new__
    return [new(Token, (start, end) + info) for start, end, info in zip(ends[0::2], ends[1::2], infos)
            if info is not None]


@lru_cache(maxsize=4)
def _body_tokens(text: str) -> tuple[Token, ...]:
    return tuple(tokenize(text))


def tokenize_body(text: str) -> list[Token]:
    """``tokenize(text)``, remembered for the last few texts: the entity rules, the actor resolver and the event
    coder each need the tokens of the same article body, so it is split once. Returns a fresh list."""
    return list(_body_tokens(text))
