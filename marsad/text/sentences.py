"""Sentence and clause splitting with offsets, aware of Arabic punctuation and quotation marks.

A sentence ends at «.» «؟» «?» «!» (or «…») followed by space, at a line break, or at the end. Inside an open
quotation («…», “…”) a full stop does not end the sentence unless the line ends; clauses also break at
«،» and «؛».
"""

from __future__ import annotations

import re
from functools import lru_cache

_OPENERS = {"«": "»", "“": "”", "„": "“"}
_END = ".!?؟…"
# A one-letter word before a full stop is an abbreviation («د.» for doctor, «م.» for engineer), not an end.
_ABBREV = re.compile(r"(?:^|[\s(])[\u0621-\u064a]\.$")


@lru_cache(maxsize=4)
def _interesting(breaks: str) -> re.Pattern:
    return re.compile("[\n" + re.escape("".join(_OPENERS) + "".join(_OPENERS.values()) + breaks) + "]")


def _spans(text: str, breaks: str) -> list[tuple[int, int]]:
    # Only line breaks, quotation marks and break characters can change the state, so the walk visits
    # just those (found by one regular expression) instead of every character.
    spans: list[tuple[int, int]] = []
    start = 0
    depth: list[str] = []
    n = len(text)
    skip = 0
    for m in _interesting(breaks).finditer(text):
        i = m.start()
        if i < skip:
            continue
        ch = text[i]
        if ch == "\n":
            _push(spans, text, start, i)
            start = i + 1
            depth.clear()
        elif ch in _OPENERS:
            depth.append(_OPENERS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
            # «… .» closes a quoted sentence: the closing mark belongs to it.
            if i > 0 and text[i - 1] in _END and (i + 1 == n or text[i + 1].isspace()) and not depth:
                _push(spans, text, start, i + 1)
                start = i + 1
        elif ch in breaks and not depth:
            j = i + 1
            while j < n and text[j] in breaks:
                j += 1
            if (j == n or text[j].isspace() or text[j] in "»”\"'") and not (
                ch == "." and _ABBREV.search(text[max(0, i - 3): i + 1])
            ):
                while j < n and text[j] in "»”\"')":
                    j += 1
                _push(spans, text, start, j)
                start = j
            skip = j
    _push(spans, text, start, n)
    return spans


def _push(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text``, trimmed of surrounding space. Returns a fresh list."""
    return list(_sentences(text))


@lru_cache(maxsize=8)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    # remembered for the last few texts: the tagger, the quote finder and the event coder each split the same
    # article body
    return tuple(_spans(text, _END))


def clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans: sentences further split at «،», «؛», «,» and «;»."""
    return _spans(text, _END + "،؛,;")
