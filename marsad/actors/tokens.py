"""Fast tokens for the resolver: the same tokens as ``marsad.text.tokenize``, with per-word memoisation.

News repeats its words, so each distinct surface word is normalised and clitic-analysed once per process
(the memo is bounded) and tokens are light slotted objects. A test checks that the tokens equal
``marsad.text.tokenize``'s.
"""

from __future__ import annotations

from operator import itemgetter

from marsad.text import normalize_for_match, proclitic_forms
from marsad.text.tokens import _INVISIBLE_ONLY, _TOKEN_RE

_MEMO: dict[str, tuple] = {}  # surface word → (norm, forms), or () for no token
_MEMO_MAX = 400_000


class FastToken(tuple):
    """(start, end, text, norm, forms) with the attribute names of ``marsad.text.Token``."""

    __slots__ = ()
    start = property(itemgetter(0))
    end = property(itemgetter(1))
    text = property(itemgetter(2))
    norm = property(itemgetter(3))
    forms = property(itemgetter(4))

    @property
    def stem(self) -> str:
        return self[4][-1]

    @property
    def is_word(self) -> bool:
        return self[3][:1].isalnum()


def _analyse(piece: str) -> tuple[str, tuple[str, ...]] | None:
    if _INVISIBLE_ONLY.match(piece):
        return None
    norm = normalize_for_match(piece)
    if not norm:
        return None
    return norm, (proclitic_forms(norm) if norm[0].isalpha() else (norm,))


def fast_tokens(text: str) -> list[FastToken]:
    """Tokens of ``text`` (word and punctuation, offsets into ``text``), as ``marsad.text.tokenize``."""
    memo = _MEMO
    if len(memo) > _MEMO_MAX:
        memo.clear()
    out = []
    append = out.append
    make = FastToken
    find = text.find
    pos = 0
    # Pieces are consecutive and only whitespace lies between them, so each piece starts at its first
    # occurrence after the previous one: ``find`` gives the offsets without match objects.
    for piece in _TOKEN_RE.findall(text):
        pos = find(piece, pos)
        end = pos + len(piece)
        info = memo.get(piece)
        if info is None:
            info = memo[piece] = _analyse(piece) or ()
        if info:
            append(make((pos, end, piece) + info))
        pos = end
    return out
