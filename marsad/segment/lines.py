"""Classifies the lines of a scraped page: marker, boilerplate, dateline, credit, outlet line, heading, text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.dates import parse_dateline
from marsad.segment.lexicon import boilerplate_re, credit_re, function_words, marker_re
from marsad.text.normalize import normalize_for_match

# Final punctuation of a finished sentence or paragraph (closing quotes and brackets may follow it).
_FINAL = ".!?؟…:»”\")]"
_TRAILING_CLOSERS = "»”\"')] \t\u200f\u200e"

# «الجزيرة نت/», «طهران - إرنا», «موسكو – سبوتنيك:», «الرياض (واس) -», «لندن: «الشرق الأوسط»».
_NAME = r"[^\s:/()\-–—،؟!]+(?:\s+[^\s:/()\-–—،؟!]+){0,3}"
_OUTLET_LINE = [
    re.compile(rf"^(?P<place>{_NAME})\s*\((?P<outlet>{_NAME})\)\s*[-–—:/]?\s*$"),
    re.compile(rf"^(?P<place>{_NAME})\s*[-–—:]\s*[«\"“]?(?P<outlet>{_NAME})[»\"”]?\s*[-–—:/]?\s*$"),
    re.compile(rf"^(?P<outlet>{_NAME})\s*/\s*$"),
]
# The same, starting the first paragraph: «طهران - إرنا: قال …», «الرياض (واس) - أعلن …».
_OUTLET_PREFIX = [
    re.compile(rf"^(?P<place>{_NAME})\s*\((?P<outlet>{_NAME})\)\s*[-–—:]\s*(?=\S)"),
    re.compile(rf"^(?P<place>{_NAME})\s*[-–—]\s*[«\"“]?(?P<outlet>{_NAME})[»\"”]?\s*[:/]\s*(?=\S)"),
    re.compile(r"^(?P<outlet>[^\s/]+(?:\s+[^\s/]+)?\s+(?:نت|نيوز|net|news))\s*/\s*(?=\S)", re.I),
]


# Scraped script or style text («jQuery(...)», «function(data){…}», «var x = …;»): page furniture when the
# line is mostly Latin.
_CODE = re.compile(r"function\s*\(|jQuery|\$\(|\bvar\s+\w+\s*=|=>|\}\s*\)|\{\s*\w+\s*:|</?script|@media")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _is_code(text: str) -> bool:
    if not _LATIN_LETTER.search(text):  # no Latin letter: not mostly Latin (a quick scan of a long paragraph)
        return False
    if len(_CODE.findall(text)) < 2:
        return False
    return len(_ARABIC_LETTER.findall(text)) < 0.3 * len(_LATIN_LETTER.findall(text))


@dataclass(frozen=True)
class Line:
    start: int  # offset of the stripped line in the page text
    text: str  # the line without surrounding whitespace
    kind: str  # marker, boilerplate, dateline, credit, outlet, text
    value: str | None = None  # the dateline's ISO date, the credit, the outlet, a marker's inline title
    extra: str | None = None  # the dateline's text as written

    @property
    def words(self) -> int:
        return len(self.text.split())


def classify(text: str, start: int) -> Line:
    words = len(text.split(None, 16))  # exact up to 16, and 17 for any longer line: all the tests below need
    if words <= 14:  # markers and boilerplate lines are short: a paragraph is not normalised for them
        norm = normalize_for_match(text).strip()
        m = marker_re().match(norm)
        if m and words <= 12:
            rest = (m.group("rest") or "").strip()
            return Line(start, text, "marker", _tail(text, rest) if rest else None)
        if boilerplate_re().match(norm):
            return Line(start, text, "boilerplate")
    if _is_code(text):
        return Line(start, text, "boilerplate")
    m = credit_re().match(text)
    if m and words <= 12:
        return Line(start, text, "credit", m.group("value").strip(" .،"))
    if words <= 16:
        dl = parse_dateline(text)
        if dl is not None and dl.value and len(dl.value) >= 10:  # a dateline names a day
            return Line(start, text, "dateline", dl.value, dl.text)
    if words <= 6:
        for pattern in _OUTLET_LINE:
            m = pattern.match(text)
            if m and not _ends_sentence(text):
                return Line(start, text, "outlet", m.group("outlet").strip("«»\"“” "))
    return Line(start, text, "text")


def _tail(original: str, norm_tail: str) -> str:
    """The original-text suffix matching a normalised tail (same word count from the end)."""
    n = len(norm_tail.split())
    return " ".join(original.split()[-n:]) if n else ""


def outlet_prefix(paragraph: str) -> tuple[str, int] | None:
    """(outlet, length of the prefix) when a paragraph opens with a place/outlet prefix."""
    for pattern in _OUTLET_PREFIX:
        m = pattern.match(paragraph)
        if m and len(m.group(0).split()) <= 6:
            return m.group("outlet").strip("«»\"“” "), m.end()
    return None


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_TRAILING_CLOSERS)[-1:] in ".!?؟…" if text.strip() else False


def is_heading_like(line: Line) -> bool:
    """A short line without final punctuation (or a question): a headline or sub-heading."""
    if line.kind != "text" or line.words > 14 or len(line.text) > 110:
        return False
    stripped = line.text.rstrip(_TRAILING_CLOSERS)
    if stripped.endswith(("؟", "?")):
        return True
    return not stripped or stripped[-1] not in ".!…:،,؛;"


def ends_mid_sentence(text: str) -> bool:
    """A paragraph visibly cut off: no final punctuation, and it ends on a word no sentence ends on
    (or with a dash/comma), or it is cut inside a word list."""
    stripped = text.rstrip()
    if not stripped:
        return False
    if stripped[-1] in "،,؛;-–—":
        return True
    if stripped.rstrip(_TRAILING_CLOSERS)[-1:] in _FINAL or stripped[-1] in _FINAL:
        return False
    last = normalize_for_match(stripped.split()[-1]).strip("«»\"“”'()")
    return last in function_words()
