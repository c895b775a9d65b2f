"""Tokens for the quote finder, built in a few C-level passes.

The same words and punctuation as ``marsad.text.tokenize`` with their ``normalize_for_match`` forms, but held
as parallel lists: the body is folded once with a length-keeping table derived from ``normalize_for_match``
(characters it deletes become a tatweel, then drop out of each token), and split once by a regular
expression. A :class:`Tok` object is made only for the tokens the finder looks at, which are those near cues.
This is what lets the stage run at hundreds of articles a second.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, repeat

from marsad.text import normalize_for_match, proclitic_forms, tokenize_body
from marsad.text.tokens import token_end, token_norm, token_start

PH = "\u0640"  # tatweel: a word character, deleted by normalize_for_match
_SPLIT = re.compile(r"(\w+|[^\s\w])")
_RANGES = [range(0x00A0, 0x0100), range(0x0600, 0x0700), range(0x200B, 0x2070), range(0xFB50, 0xFE00),
           range(0xFE70, 0xFF00), range(0xFEFF, 0xFF00)]


@lru_cache(maxsize=1)
def _table() -> list[str]:
    """A length-keeping version of ``normalize_for_match``: deletions become PH, one-to-one folds stay.

    A list indexed by code point, every other character mapping to itself: ``str.translate`` reads it
    without the KeyError a dict raises for each unmapped character (twice as fast on a page). Characters
    past its end are left as they are."""
    table = [chr(cp) for cp in range(max(r.stop for r in _RANGES))]
    for r in _RANGES:
        for cp in r:
            ch = chr(cp)
            f = normalize_for_match(ch)
            if f == "":
                table[cp] = PH
            elif len(f) == 1 and f != ch:
                table[cp] = f
    return table


class Tok:
    __slots__ = ("start", "end", "norm")

    def __init__(self, start: int, end: int, norm: str):
        self.start = start
        self.end = end
        self.norm = norm

    @property
    def forms(self) -> tuple[str, ...]:
        return proclitic_forms(self.norm) if self.norm[:1].isalpha() else (self.norm,)

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()

    def __repr__(self) -> str:
        return f"Tok({self.start}, {self.end}, {self.norm!r})"


class TokenList:
    """A sequence of :class:`Tok` kept as parallel lists ``starts``, ``ends``, ``norms``."""

    __slots__ = ("starts", "ends", "norms")

    def __init__(self, starts: list[int], ends: list[int], norms: list[str]):
        self.starts = starts
        self.ends = ends
        self.norms = norms

    def __len__(self) -> int:
        return len(self.norms)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [Tok(s, e, n) for s, e, n in zip(self.starts[i], self.ends[i], self.norms[i])]
        if i < 0:
            i += len(self.norms)
        return Tok(self.starts[i], self.ends[i], self.norms[i])

    def __iter__(self):
        return (Tok(s, e, n) for s, e, n in zip(self.starts, self.ends, self.norms))


_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")


# Where the two tokenisations part (see tokens_of): characters normalisation deletes that the text layer
# splits words at (soft hyphen, Arabic letter mark, zero-width space, bidi embeddings and isolates, BOM),
# Quranic signs it keeps inside words, and the capital sigma (its lower case depends on its neighbours, and
# the text layer lowers word by word).
_OWN_SPLIT = re.compile("[\u00ad\u061c\u06dd\u06de\u06e9\u200b\u202a-\u202e\u2066-\u2069\ufeff\u03a3]")


def tokens_of(body: str) -> TokenList:
    """The tokens of ``body``, equal to ``marsad.text.tokenize``'s in span and normalised form, except that a
    zero-width space (U+200B), a soft hyphen (U+00AD) or another deleted mark the text layer splits at
    (``_OWN_SPLIT``) inside a word is deleted here, joining the word, where the text layer splits it in two.
    Not reconciled yet: a soft hyphen should join, a zero-width space should split.

    A body without those characters takes the text layer's tokens as they are: the entity and event stages
    split the same body, and ``tokenize_body`` remembers it."""
    if not _OWN_SPLIT.search(body):
        toks = tokenize_body(body)
        return TokenList(list(map(token_start, toks)), list(map(token_end, toks)), list(map(token_norm, toks)))
    return _own_tokens(body)


def _own_tokens(body: str) -> TokenList:
    """The tokens split here: the body folded by a length-keeping table, then split by one regex."""
    if _PRESENTATION.search(body):  # ligatures fold to several letters: fold token by token
        return _slow(body)
    folded = body.translate(_table()).lower()
    if len(folded) != len(body):  # a lower-casing that changes length (İ)
        return _slow(body)
    parts = _SPLIT.split(folded)
    pos = list(accumulate(map(len, parts), initial=0))
    norms = parts[1::2]
    starts = pos[1:-1:2]
    ends = pos[2::2]
    if PH in folded:
        # deleted characters out of every token in one C-level pass (words without any come back as they were)
        norms = list(map(str.replace, norms, repeat(PH), repeat("")))
        if "" in norms:  # tokens made only of deleted characters are no tokens
            keep = [i for i, n in enumerate(norms) if n]
            norms = [norms[i] for i in keep]
            starts = [starts[i] for i in keep]
            ends = [ends[i] for i in keep]
    return TokenList(starts, ends, norms)


_WORD = r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u200e\u200f]+"
_SLOW = re.compile(rf"{_WORD}|[^\s\w]")  # the text layer's token pattern


def _slow(body: str) -> TokenList:
    starts, ends, norms = [], [], []
    for m in _SLOW.finditer(body):
        n = normalize_for_match(m.group())
        if n:
            starts.append(m.start())
            ends.append(m.end())
            norms.append(n)
    return TokenList(starts, ends, norms)


# --------------------------------------------------------------------------------------------------- sentences
_OPENERS = {"«": "»", "“": "”", "„": "“"}
