"""Quotation-mark spans: pairs «…», “…”, „…“, ‘…’ and "…", nested marks, unclosed marks, multi-paragraph quotes.

Only top-level spans come out; marks nested inside a span stay part of its text. An opening mark never closed
runs to the end of its paragraph, or on into the next paragraph when that one opens with a quotation mark
(the convention for a quote of several paragraphs: each opens with a mark, only the last one closes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r'[«»“”„‘’"\n]')
_CLOSES = {"«": "»", "“": "”", "„": "“", "‘": "’"}
OPENING = frozenset('«“„‘"')
_TRAILING_JUNK = re.compile(r'[\s.،,؛;:!?؟…»”“’")(\-–—/]*$')


@dataclass(frozen=True, slots=True)
class MarkSpan:
    open: int  # index of the opening mark
    close: int | None  # index of the closing mark, None when never closed
    start: int  # the quoted words, trimmed of space
    end: int
    paragraphs: int  # how many paragraphs the span covers


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _next_paragraph_opens_with_mark(text: str, nl: int) -> int | None:
    """Index of the opening mark that starts the paragraph after the newline at ``nl``, if any."""
    i = nl + 1
    n = len(text)
    while i < n and text[i] in " \t\u200f\u200e\ufeff":
        i += 1
    if i < n and text[i] in OPENING:
        return i
    return None


def _stray_closer(text: str, i: int) -> bool:
    """An unmatched straight quote written against the word before it and followed by a sentence break
    («… هذه القيادة". وأوضح …») closes words that were never opened; it does not open a quote."""
    if i == 0 or not text[i - 1].isalpha():
        return False
    j = i + 1
    return j < len(text) and text[j] in ".،,؛;!?؟"


def mark_spans(text: str) -> list[MarkSpan]:
    """Top-level quoted spans of ``text`` (a body with paragraphs separated by ``\\n``)."""
    out: list[MarkSpan] = []
    stack: list[tuple[str, int]] = []  # (expected closing mark, index of the opener)
    paragraphs = 1
    skip_until = -1
    for m in _MARK.finditer(text):
        i = m.start()
        if i <= skip_until:
            continue
        ch = m.group()
        if ch == "\n":
            if stack:
                nxt = _next_paragraph_opens_with_mark(text, i)
                if nxt is not None:
                    # the quote goes on: the next paragraph's opener continues it, inner marks are dropped
                    del stack[1:]
                    paragraphs += 1
                    skip_until = nxt
                    continue
                opener = stack[0][1]
                s, e = _trim(text, opener + 1, i)
                if e > s:
                    out.append(MarkSpan(opener, None, s, e, paragraphs))
                stack.clear()
            paragraphs = 1
            continue
        if ch == '"':
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == '"'), None)
            if depth is not None:
                _close(text, out, stack, depth, i, paragraphs)
                if not stack:
                    paragraphs = 1
                continue
            # an unmatched straight quote with nothing quotable after it in its paragraph is a stray closer
            nl = text.find("\n", i)
            rest = text[i + 1: nl if nl >= 0 else len(text)]
            if not rest.strip(' \t.،,؛;:!?؟…»”"\u200f'):
                continue
            if _stray_closer(text, i):
                continue  # «…الجديدة". وأوضح …»: closes words whose opening mark was never written
            stack.append(('"', i))
            continue
        if ch in _CLOSES and not (ch == "“" and stack and stack[-1][0] == "“"):
            if ch == "‘" and i > 0 and text[i - 1].isalpha() and i + 1 < len(text) and text[i + 1].isalpha():
                continue  # an apostrophe inside a word
            stack.append((_CLOSES[ch], i))
            continue
        depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == ch), None)
        if depth is not None:
            _close(text, out, stack, depth, i, paragraphs)
            if not stack:
                paragraphs = 1
        # else: a stray closing mark (or an apostrophe) — ignored
    if stack:
        opener = stack[0][1]
        s, e = _trim(text, opener + 1, len(text))
        if e > s:
            out.append(MarkSpan(opener, None, s, e, paragraphs))
    return out


def _close(text: str, out: list[MarkSpan], stack: list, depth: int, i: int, paragraphs: int) -> None:
    opener = stack[depth][1]
    del stack[depth:]
    if stack:
        return  # nested: part of the outer span
    s, e = _trim(text, opener + 1, i)
    if e > s:
        out.append(MarkSpan(opener, i, s, e, paragraphs))
